package org.xenctl.libvirt;

import java.util.List;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainDevices;

/**
 * What a domain XML file asks for (a file given to create or define, before libvirt has it): its devices, its host
 * PCI devices, the driver domains its devices name, and its guest type.
 */
public final class HostDevices {
    private HostDevices() {
    }

    public static List<DomainDetails.PciDevice> pci(String xml, String origin) {
        return DomainXml.parse(xml, origin).pciDevices();
    }

    /** The file's disks, interfaces and host PCI devices, as a defined domain's are read. */
    public static DomainDevices devices(String xml, String origin) {
        DomainXml parsed = DomainXml.parse(xml, origin);
        return new DomainDevices(parsed.disks(), parsed.nics(), parsed.pciDevices(), false);
    }

    /**
     * The domain's name, or null when it has none (libvirt refuses it then); malformed XML, a DOCTYPE or another
     * root than {@code <domain>} is INVALID_CONFIG naming {@code origin}.
     */
    public static String name(String xml, String origin) {
        return DomainXml.parse(xml, origin).name().orElse(null);
    }

    /** libvirt's os type: xen (PV), xenpvh, hvm. */
    public static String osType(String xml, String origin) {
        return DomainXml.parse(xml, origin).osType();
    }
}
