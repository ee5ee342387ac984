package org.xenctl.cli;

import org.xenctl.host.pci.PassthroughPreflight;
import org.xenctl.host.pci.PciInventory;
import org.xenctl.libvirt.HostDevices;

/**
 * The passthrough preflight before a domain starts, where it can see the devices: on a Xen host reached locally.
 * Through a remote URI the dom0's sysfs is out of reach and libvirt's own refusal is what the user gets.
 */
final class PciPreflights {
    private PciPreflights() {
    }

    static void beforeStart(XenctlCommand root, Session session, String xml, String what) {
        if (!"xen".equals(session.hypervisor().domainXmlType()) || !LocalHostOnly.isLocal(root.connect())
                || !LocalHostOnly.isLocal(session.hypervisor().uri())) {
            return;
        }
        var devices = HostDevices.pci(xml, what);
        if (!devices.isEmpty()) {
            new PassthroughPreflight(PciInventory.of(root.context().hostRoot())).check(devices, what);
        }
    }
}
