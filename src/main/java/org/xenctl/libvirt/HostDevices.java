package org.xenctl.libvirt;

import java.util.List;

import org.xenctl.domain.DomainDetails;

/** The host PCI devices a domain XML file asks for (a file given to create or define, before libvirt has it). */
public final class HostDevices {
    private HostDevices() {
    }

    public static List<DomainDetails.PciDevice> pci(String xml, String origin) {
        return DomainXml.parse(xml, origin).pciDevices();
    }
}
