package org.xenctl.cli;

import java.util.List;
import java.util.function.Supplier;

import org.xenctl.domain.DomainDetails;

/**
 * The passthrough preflight before a domain starts or takes a device, where it can see the devices: on a Xen host
 * reached locally. Through a remote URI the dom0's sysfs is out of reach and libvirt's own refusal is what the user
 * gets.
 */
final class PciPreflights {
    private PciPreflights() {
    }

    /**
     * @param devices read only where the preflight applies (an XML file is then parsed a first time here)
     * @param what    the domain, for messages ("domain web")
     */
    static void before(Invocation run, Session session, Supplier<List<DomainDetails.PciDevice>> devices,
            String what) {
        if ("xen".equals(session.hypervisor().domainXmlType()) && run.reachesThisMachine()
                && LocalHostOnly.isLocal(session.hypervisor().uri())) {
            PciHosts.local(run).preflight(devices.get(), what);
        }
    }
}
