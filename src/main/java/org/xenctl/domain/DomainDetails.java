package org.xenctl.domain;

import java.util.List;

/**
 * What `info` shows: the summary plus how the domain is defined and which devices it has.
 *
 * @param osType     libvirt's os type: "xen" (PV), "xenpvh" (PVH), "hvm", or what another driver calls it
 * @param persistent true when libvirt keeps a definition that outlives a stop
 * @param autostart  true when libvirt starts it when the host boots
 */
public record DomainDetails(DomainSummary summary, String osType, boolean persistent, boolean autostart,
                            List<DiskDevice> disks, List<NetworkDevice> nics, List<PciDevice> pciDevices) {

    public DomainDetails {
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
        pciDevices = List.copyOf(pciDevices);
    }

    /** The guest type as xl names it in its `type=` key: pv, pvh or hvm, or the os type when it is none of them. */
    public String guestType() {
        return switch (osType) {
            case "xen", "linux" -> "pv";
            case "xenpvh" -> "pvh";
            default -> osType;
        };
    }

    /** A disk as the domain XML describes it. */
    public record DiskDevice(String target, String bus, String device, String source, boolean readOnly,
                             String backend) { }

    /** A network interface as the domain XML describes it. */
    public record NetworkDevice(String mac, String type, String source, String model, String ifname,
                                String backend) { }

    /**
     * A host PCI device given to the domain.
     *
     * @param address the host address; null only where a domain XML gives none
     * @param managed whether libvirt takes it from its dom0 driver itself (xl's seize)
     * @param vslot   the guest slot the XML asks for, or null
     */
    public record PciDevice(PciAddress address, boolean managed, Integer vslot, boolean permissive) {
        public PciDevice(PciAddress address, boolean managed) {
            this(address, managed, null, false);
        }

        /** The address as listings show it, "" when there is none. */
        public String addressText() {
            return address == null ? "" : address.toString();
        }
    }
}
