package org.xenctl.domain.spec;

import org.xenctl.domain.PciAddress;

/**
 * A host PCI device given to the guest, with the domain-wide {@code pci_*} defaults applied.
 *
 * @param address the host address: one function (xl's every-function form cannot be said in libvirt)
 * @param vslot the guest slot, or null
 * @param name the assignable name, when the device is named rather than addressed
 * @param seize whether to take the device from its dom0 driver (libvirt: managed='yes')
 */
public record PciAssignment(PciAddress address, Integer vslot, String name, boolean permissive,
                            boolean msitranslate, boolean seize, boolean powerMgmt, String rdmPolicy) {
}
