package org.xenctl.libvirt;

import java.util.List;

import org.xenctl.domain.DomainDetails;

/** What a domain XML says of host PCI devices: the PCI hostdevs it has, and whether libxl may hot-plug more. */
public final class HostDevices {
    private HostDevices() {
    }

    public static List<DomainDetails.PciDevice> pci(String xml, String origin) {
        return DomainXml.parse(xml, origin).pciDevices();
    }

    /**
     * Whether a domain started from this (live) XML can take a PCI device now: libxl prepares passthrough at
     * creation only when the domain has PCI devices then or {@code passthrough} is switched on.
     */
    public static boolean hotplugReady(String xml, String origin) {
        DomainXml parsed = DomainXml.parse(xml, origin);
        String state = parsed.passthrough().orElse("");
        return state.equals("on") || (!state.equals("off") && !parsed.pciDevices().isEmpty());
    }
}
