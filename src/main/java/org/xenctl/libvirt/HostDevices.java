package org.xenctl.libvirt;

import java.util.List;

import org.xenctl.domain.DomainDetails;

/**
 * What a domain XML file asks for (a file given to create or define, before libvirt has it): its host PCI devices
 * and its guest type.
 */
public final class HostDevices {
    private HostDevices() {
    }

    public static List<DomainDetails.PciDevice> pci(String xml, String origin) {
        return DomainXml.parse(xml, origin).pciDevices();
    }

    /** libvirt's os type: xen (PV), xenpvh, hvm. */
    public static String osType(String xml, String origin) {
        return DomainXml.parse(xml, origin).osType();
    }
}
