package org.xenctl.host.pci;

import java.util.Locale;

import org.xenctl.host.pci.AssignableRecords.Assignable;

/**
 * Where a device stands between dom0 and the guests, in the spirit of XAPI's dom0-access states: what
 * pci-host-list and pci-assignable-list show.
 */
public enum AssignmentState {
    /** on a dom0 driver */
    HOST,
    /** on no driver at all (pci-assignable-remove without -r, an interrupted add, or no driver for it) */
    UNBOUND,
    /** on pciback, in no running domain */
    ASSIGNABLE,
    /** on pciback and given to a running domain */
    ASSIGNED,
    /** recorded --persistent but not on pciback now: pci-restore (at boot) takes it */
    PENDING_AT_NEXT_BOOT;

    /**
     * @param record what xenctl recorded of it, or null
     * @param domain the running domain that has it, or null
     */
    public static AssignmentState of(PciDevice device, Assignable record, String domain) {
        if (device.onPciback()) {
            return domain == null ? ASSIGNABLE : ASSIGNED;
        }
        if (record != null && record.persistent()) {
            return PENDING_AT_NEXT_BOOT;
        }
        return device.driver() == null ? UNBOUND : HOST;
    }

    /** The name in JSON and tables: "assignable", "pending-at-next-boot"… */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
