package org.xenctl.cli;

import java.util.List;

import org.xenctl.domain.DomainDetails;
import org.xenctl.libvirt.HostDevices;

/**
 * The passthrough preflight before a domain starts or takes a device, where it can see the devices: on a Xen host
 * reached locally. Through a remote URI the dom0's sysfs is out of reach and libvirt's own refusal is what the user
 * gets.
 */
final class PciPreflights {
    private PciPreflights() {
    }

    static void beforeStart(Invocation root, Session session, String xml, String what) {
        if (applies(root, session)) {
            check(root, HostDevices.pci(xml, what), what);
        }
    }

    static void beforeAttach(Invocation root, Session session, DomainDetails.PciDevice device, String what) {
        if (applies(root, session)) {
            check(root, List.of(device), what);
        }
    }

    private static boolean applies(Invocation root, Session session) {
        return "xen".equals(session.hypervisor().domainXmlType()) && LocalHostOnly.isLocal(root.connect())
                && LocalHostOnly.isLocal(session.hypervisor().uri());
    }

    private static void check(Invocation root, List<DomainDetails.PciDevice> devices, String what) {
        PciHosts.local(root).preflight(devices, what);
    }
}
