package org.xenctl.host.pci;

import java.util.List;

import org.xenctl.domain.PciAddress;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.pci.PciCheck.Reason;
import org.xenctl.host.pci.PciCheck.Severity;

/**
 * Before a domain with host PCI devices is created on this dom0: each device exists, is on pciback (unless libvirt
 * is to take it itself, managed/seize), and nothing in the preflight refuses it. The user reads why in xenctl's
 * words instead of libxl's errno or libvirt's "must be manually detached" (and libvirt 9.0's libxl driver is spared
 * a failed create, after which the Xen lab saw it crash).
 */
public final class PassthroughPreflight {
    private final PciInventory inventory;

    public PassthroughPreflight(PciInventory inventory) {
        this.inventory = inventory;
    }

    /** Throws DEVICE_NOT_FOUND or DEVICE_REFUSED for the first device that would fail; {@code what} names the domain. */
    public void check(List<DomainDetails.PciDevice> devices, String what) {
        for (DomainDetails.PciDevice wanted : devices) {
            PciAddress address = wanted.address();
            if (address == null) {
                continue;
            }
            PciDevice device = inventory.find(address).orElseThrow(() -> new XenctlException(
                    ErrorCode.DEVICE_NOT_FOUND, what + " asks for PCI device " + address + ", which this host does "
                    + "not have", "pci-host-list shows the host's devices"));
            for (Reason reason : new PciCheck(inventory).check(address).reasons()) {
                if (reason.severity() == Severity.REFUSED) {
                    throw new XenctlException(ErrorCode.DEVICE_REFUSED, what + " cannot have " + address + ": "
                            + reason.message(), "pci-check " + address + " shows every reason");
                }
            }
            if (!wanted.managed() && !device.onPciback()) {
                throw new XenctlException(ErrorCode.DEVICE_REFUSED, what + " cannot have " + address + ": it is not "
                        + "assignable (" + (device.driver() == null ? "on no driver" : "bound to " + device.driver())
                        + ")", "xenctl pci-assignable-add " + address + " first (or seize=1 in its pci= entry, "
                        + "to let libvirt take it from dom0)");
            }
        }
    }
}
