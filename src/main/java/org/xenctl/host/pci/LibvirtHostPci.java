package org.xenctl.host.pci;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.NodePciDevice;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.XenctlException;

/**
 * {@link HostPci} through a remote libvirt URI, where the dom0's sysfs is out of reach: the devices come from
 * libvirt's node-device API, pciback binding from virNodeDeviceDetachFlags("xen") and virNodeDeviceReAttach. What
 * libvirt does not report (reset methods, dom0's use of a device) is unknown, and what needs it or xenctl's records
 * on the dom0's disk is refused with the way to do it on the dom0.
 */
public final class LibvirtHostPci implements HostPci {
    private final Hypervisor hypervisor;
    private final String uri;
    private List<NodePciDevice> devices;

    public LibvirtHostPci(Hypervisor hypervisor, String uri) {
        this.hypervisor = hypervisor;
        this.uri = uri;
    }

    @Override
    public Listing list(List<PciAddress> wanted) {
        List<NodePciDevice> shown = wanted.isEmpty() ? devices() : wanted.stream().map(this::require).toList();
        return listing(shown);
    }

    @Override
    public Listing assignable() {
        // No records (names, drivers to restore) and no sign of pciback beyond its devices.
        return listing(devices().stream().filter(NodePciDevice::onPciback).toList());
    }

    private Listing listing(List<NodePciDevice> shown) {
        Map<PciAddress, String> holders = DomainPciUse.read(hypervisor);
        return new Listing("libvirt", null, null, shown.stream()
                .map(d -> HostPciDevice.of(d, holders.get(PciAddress.parseOrNull(d.address())))).toList(), List.of());
    }

    /**
     * Without {@code force} it is refused: whether dom0 uses the device cannot be seen from here, and taking dom0's
     * own disk or network away is not undone remotely.
     */
    @Override
    public List<Change> makeAssignable(PciAddress address, PciBinder.Options options) {
        if (options.name() != null || options.persistent()) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "-n and --persistent keep a record on the dom0's "
                    + "disk, which xenctl cannot write through " + uri, "run pci-assignable-add on the dom0 itself "
                    + "(over ssh)");
        }
        NodePciDevice device = require(address);
        if (device.bridge()) {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, address + " is a bridge (class "
                    + String.format("%06x", device.classCode()) + "): only endpoints can be passed through");
        }
        if (device.onPciback()) {
            return List.of(change(device, false, "pciback", address + " was already assignable"));
        }
        List<NodePciDevice> peers = device.groupMembers().stream().filter(m -> !m.equals(device.address()))
                .map(this::find).flatMap(Optional::stream).filter(p -> !p.bridge() && !p.onPciback()).toList();
        if (!peers.isEmpty() && !options.withGroup()) {
            NodePciDevice peer = peers.get(0);
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, address + " is in IOMMU group "
                    + device.iommuGroup() + " with " + peer.address() + ", which is still bound to "
                    + (peer.driver() == null ? "no driver" : peer.driver()), "add --with-group to make the whole "
                    + "group assignable");
        }
        if (!options.force()) {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, "through " + uri + " xenctl cannot see whether "
                    + "dom0 uses " + address + " (a mounted disk, an interface that is up)", "run xenctl pci-check "
                    + address + " on the dom0; if it passes, add --force here (or run pci-assignable-add there)");
        }
        List<NodePciDevice> targets = new ArrayList<>(List.of(device));
        targets.addAll(peers);
        List<Change> changes = new ArrayList<>();
        for (NodePciDevice target : targets) {
            hypervisor.detachNodePci(target.address());
            String now = reread(target.address());
            if (!"pciback".equals(now)) {
                throw new XenctlException(ErrorCode.OPERATION_FAILED, "libvirt reported " + target.address()
                        + " detached, but it is on " + (now == null ? "no driver" : now) + ", not pciback",
                        "see the host's libvirtd log and dmesg");
            }
            changes.add(change(target, true, now, target.address() + " is assignable"
                    + (target.driver() == null ? "" : " (taken from " + target.driver() + ")")));
        }
        return changes;
    }

    /** Gives the device back to a host driver; libvirt cannot leave it unbound, so -r is required. */
    @Override
    public Change release(PciAddress address, boolean rebind) {
        String holder = DomainPciUse.read(hypervisor).get(address);
        if (holder != null) {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, address + " is assigned to domain " + holder,
                    "pci-detach " + holder + " " + address + " first");
        }
        NodePciDevice device = require(address);
        if (!device.onPciback()) {
            return change(device, false, device.driver(), address + " is on "
                    + (device.driver() == null ? "no driver" : device.driver()));
        }
        if (!rebind) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "through " + uri + " a device can only be given back "
                    + "to a host driver (libvirt's re-attach), not left unbound", "add -r, or run "
                    + "pci-assignable-remove on the dom0 itself");
        }
        hypervisor.reattachNodePci(address.toString());
        String now = reread(address.toString());
        if (now == null || now.equals("pciback")) {
            // Seen with libvirt 9.0 in the Xen lab: pciback keeps the slot libvirt's detach gave it, so the
            // re-probe libvirt triggers hands the device straight back to pciback.
            throw new XenctlException(ErrorCode.OPERATION_FAILED, "libvirt reported " + address + " given back, "
                    + "but it is on " + (now == null ? "no driver" : now), "on the dom0, xenctl "
                    + "pci-assignable-remove -r " + address + " clears pciback's slot and lets the kernel choose");
        }
        return change(device, true, now, address + " is back on " + now);
    }

    @Override
    public PciAddress byName(String name) {
        throw new XenctlException(ErrorCode.UNSUPPORTED, "name=" + name + " is known to the dom0's own records "
                + "only, not through " + uri, "give the device's address (DDDD:BB:SS.F)");
    }

    /** The dom0's sysfs is out of reach: libvirt's own refusal is what the user gets. */
    @Override
    public void preflight(List<DomainDetails.PciDevice> devices, String what) {
    }

    private List<NodePciDevice> devices() {
        if (devices == null) {
            devices = hypervisor.nodePciDevices();
        }
        return devices;
    }

    private NodePciDevice require(PciAddress address) {
        return find(address.toString()).orElseThrow(() -> new XenctlException(ErrorCode.DEVICE_NOT_FOUND,
                "no PCI device " + address + " on " + uri, "pci-host-list shows the host's devices"));
    }

    /** The device's driver as libvirt sees it now: one device read back, not the whole list. */
    private String reread(String address) {
        return hypervisor.nodePciDevice(address).driver();
    }

    private Optional<NodePciDevice> find(String address) {
        return devices().stream().filter(d -> d.address().equals(address)).findFirst();
    }

    private static Change change(NodePciDevice device, boolean changed, String driverAfter, String message) {
        return new Change(PciAddress.parseOrNull(device.address()), changed, device.driver(), driverAfter, null,
                false, message);
    }
}
