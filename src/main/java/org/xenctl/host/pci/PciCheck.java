package org.xenctl.host.pci;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xenctl.domain.PciAddress;

/**
 * The preflight of a device before it is made assignable or given to a guest: what would make xl, libvirt or the
 * guest fail later, said now, one line each.
 */
public final class PciCheck {
    private final PciInventory inventory;

    public PciCheck(PciInventory inventory) {
        this.inventory = inventory;
    }

    public enum Severity { REFUSED, WARNING, NOTE }

    /** @param code stable, for scripts: no-such-device, bridge, used-by-dom0, iommu-group, no-pciback, no-reset… */
    public record Reason(Severity severity, String code, String message) { }

    public enum Verdict {
        ASSIGNABLE("assignable"), WARNINGS("assignable, with warnings"), REFUSED("refused"),
        NOT_FOUND("not found");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public record Report(PciAddress address, Verdict verdict, List<Reason> reasons) { }

    public Report check(PciAddress address) {
        Optional<PciDevice> found = inventory.find(address);
        if (found.isEmpty()) {
            return new Report(address, Verdict.NOT_FOUND, List.of(new Reason(Severity.REFUSED, "no-such-device",
                    "no PCI device " + address + " on this host (pci-host-list shows them)")));
        }
        PciDevice device = found.get();
        List<Reason> reasons = new ArrayList<>();
        if (device.bridge()) {
            reasons.add(new Reason(Severity.REFUSED, "bridge", String.format("%s is a bridge (class %06x): only "
                    + "endpoint devices can be passed through", address, device.classCode())));
        }
        for (String use : device.dom0Uses()) {
            reasons.add(new Reason(Severity.REFUSED, "used-by-dom0", "dom0 uses it: " + use));
        }
        if (!inventory.pcibackLoaded()) {
            reasons.add(new Reason(Severity.REFUSED, "no-pciback", "xen-pciback is not loaded (no "
                    + "/sys/bus/pci/drivers/pciback): run modprobe xen-pciback"));
        }
        groupPeersOnHostDrivers(device, reasons);
        if (!device.bridge() && device.resetMethods().isEmpty()) {
            reasons.add(new Reason(Severity.WARNING, "no-reset", "the kernel has no FLR, PM or bus reset for it: "
                    + "libvirt refuses to start a guest with it (\"Unable to reset PCI device\"), xl passes it "
                    + "unreset"));
        }
        if (device.physicalFunction() != null) {
            reasons.add(new Reason(Severity.NOTE, "sriov-vf", "an SR-IOV virtual function of "
                    + device.physicalFunction()));
        }
        if (device.onPciback()) {
            reasons.add(new Reason(Severity.NOTE, "on-pciback", "already bound to pciback: assignable"));
        } else if (device.driver() != null) {
            reasons.add(new Reason(Severity.NOTE, "host-driver", "bound to " + device.driver()
                    + " now; making it assignable unbinds it from dom0"));
        }
        return new Report(address, verdict(reasons), reasons);
    }

    /** The co-assignment problem: a group's other endpoints still with host drivers. */
    private void groupPeersOnHostDrivers(PciDevice device, List<Reason> reasons) {
        for (PciAddress peerAddress : device.groupPeers()) {
            Optional<PciDevice> peer = inventory.find(peerAddress);
            if (peer.isEmpty() || peer.get().bridge() || peer.get().driver() == null || peer.get().onPciback()) {
                continue;
            }
            reasons.add(new Reason(Severity.REFUSED, "iommu-group", device.address() + " is in IOMMU group "
                    + device.iommuGroup() + " with " + peerAddress + ", which is still bound to "
                    + peer.get().driver() + ": make the whole group assignable"));
        }
    }

    private static Verdict verdict(List<Reason> reasons) {
        if (reasons.stream().anyMatch(r -> r.severity() == Severity.REFUSED)) {
            return Verdict.REFUSED;
        }
        return reasons.stream().anyMatch(r -> r.severity() == Severity.WARNING) ? Verdict.WARNINGS
                : Verdict.ASSIGNABLE;
    }
}
