package org.xenctl.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

    /** The driver domains serving the disks and interfaces (their backend=), each once; dom0's are not named. */
    public Set<String> backendDomains() {
        Set<String> names = new LinkedHashSet<>();
        disks.stream().map(DomainDetails.DiskDevice::backend).filter(Objects::nonNull).forEach(names::add);
        nics.stream().map(DomainDetails.NetworkDevice::backend).filter(Objects::nonNull).forEach(names::add);
        return names;
    }

    /** Whether a host PCI device at {@code address} is among them. */
    public boolean hasPci(PciAddress address) {
        return pci.stream().anyMatch(device -> address.equals(device.address()));
    }
}
