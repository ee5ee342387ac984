package org.xenctl.host.pci;

import java.util.Map;

import org.xenctl.domain.PciAddress;

/**
 * Which running domain has which host PCI device, read from libvirt only when asked: listing the dom0's devices
 * needs no libvirtd (pci-restore runs before it at boot), so a failure here (an {@code XenctlException}) only makes
 * the "assigned" state unknown there.
 */
@FunctionalInterface
public interface PciHolders {
    Map<PciAddress, String> read();
}
