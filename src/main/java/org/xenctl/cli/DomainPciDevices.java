package org.xenctl.cli;

import java.util.List;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.Hypervisor;
import org.xenctl.libvirt.HostDevices;

/** A domain's PCI devices where a device command looks: the running domain, or its persistent definition. */
final class DomainPciDevices {
    private DomainPciDevices() {
    }

    static List<DomainDetails.PciDevice> of(Hypervisor hypervisor, DomainDetails domain, boolean inactive) {
        String name = domain.summary().name();
        return HostDevices.pci(hypervisor.xml(domain.summary().uuid(), inactive),
                (inactive ? "the definition of " : "") + "domain " + name);
    }

    static boolean has(Hypervisor hypervisor, DomainDetails domain, boolean inactive, String address) {
        return of(hypervisor, domain, inactive).stream().anyMatch(d -> d.address().equals(address));
    }
}
