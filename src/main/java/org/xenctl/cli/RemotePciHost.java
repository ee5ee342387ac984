package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.NodePciDevice;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.pci.DomainPciUse;
import org.xenctl.host.pci.PciAddress;
import org.xenctl.render.view.PciChangesView;
import org.xenctl.render.view.PciDeviceView;

/**
 * The PCI host commands through a remote --connect, where the dom0's sysfs is out of reach: the devices come from
 * libvirt's node-device API, pciback binding from virNodeDeviceDetachFlags("xen") and virNodeDeviceReAttach. What
 * libvirt does not report (reset methods, dom0's use of a device) is shown as unknown, and what needs it or
 * xenctl's records on the dom0's disk is refused with the way to do it on the dom0.
 */
final class RemotePciHost {
    private final Hypervisor hypervisor;
    private final String uri;
    private final List<NodePciDevice> devices;
    private final Map<PciAddress, String> holders;

    private RemotePciHost(Hypervisor hypervisor, String uri) {
        this.hypervisor = hypervisor;
        this.uri = uri;
        this.devices = hypervisor.nodePciDevices();
        this.holders = DomainPciUse.read(hypervisor);
    }

    static RemotePciHost read(Session session, String uri) {
        return new RemotePciHost(session.hypervisor(), uri);
    }

    List<NodePciDevice> devices() {
        return devices;
    }

    PciDeviceView view(NodePciDevice device) {
        return PciDeviceView.ofNode(device, holders.get(PciAddress.parseOrNull(device.address())));
    }

    NodePciDevice require(PciAddress address) {
        return find(address.toString()).orElseThrow(() -> new XenctlException(ErrorCode.DEVICE_NOT_FOUND,
                "no PCI device " + address + " on " + uri, "pci-host-list shows the host's devices"));
    }

    /**
     * Binds the device (and with {@code withGroup} its IOMMU group's other endpoints) to pciback. Without
     * {@code force} it is refused: whether dom0 uses the device cannot be seen from here, and taking dom0's own
     * disk or network away is not undone remotely.
     */
    List<PciChangesView.Change> makeAssignable(PciAddress address, boolean withGroup, boolean force) {
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
        if (!peers.isEmpty() && !withGroup) {
            NodePciDevice peer = peers.get(0);
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, address + " is in IOMMU group "
                    + device.iommuGroup() + " with " + peer.address() + ", which is still bound to "
                    + (peer.driver() == null ? "no driver" : peer.driver()), "add --with-group to make the whole "
                    + "group assignable");
        }
        if (!force) {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, "through " + uri + " xenctl cannot see whether "
                    + "dom0 uses " + address + " (a mounted disk, an interface that is up)", "run xenctl pci-check "
                    + address + " on the dom0; if it passes, add --force here (or run pci-assignable-add there)");
        }
        List<NodePciDevice> targets = new ArrayList<>(List.of(device));
        targets.addAll(peers);
        List<PciChangesView.Change> changes = new ArrayList<>();
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
    PciChangesView.Change release(PciAddress address, boolean rebind) {
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

    /** The device's driver as libvirt sees it now: one device read back, not the whole list. */
    private String reread(String address) {
        return hypervisor.nodePciDevice(address).driver();
    }

    private Optional<NodePciDevice> find(String address) {
        return devices.stream().filter(d -> d.address().equals(address)).findFirst();
    }

    private static PciChangesView.Change change(NodePciDevice device, boolean changed, String driverAfter,
                                                String message) {
        return new PciChangesView.Change(device.address(), changed, device.driver(), driverAfter, null, false,
                message);
    }
}
