package org.xenctl.domain;

import java.util.List;

/**
 * A domain's devices as one of its definitions has them: the running domain's (live) or the persistent one's
 * (config). What attach and detach look in, so that "already there" and "already gone" are decided on records.
 *
 * @param pciHotplug whether libxl can take a PCI device into this domain now: it was started with passthrough on
 *                   (or with PCI devices, which switch it on); meaningful for the live definition only
 */
public record DomainDevices(List<DomainDetails.DiskDevice> disks, List<DomainDetails.NetworkDevice> nics,
                            List<DomainDetails.PciDevice> pci, boolean pciHotplug) {

    public DomainDevices {
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
        pci = List.copyOf(pci);
    }

    /** Whether a host PCI device at {@code address} is among them. */
    public boolean hasPci(PciAddress address) {
        return pci.stream().anyMatch(device -> address.equals(device.address()));
    }
}
