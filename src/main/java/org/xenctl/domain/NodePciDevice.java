package org.xenctl.domain;

import java.util.List;

/**
 * A host PCI device as libvirt's node-device API describes it: what xenctl can know of a host whose sysfs it cannot
 * read (a remote --connect). Addresses are "DDDD:BB:SS.F".
 *
 * @param driver the bound driver ("pciback" for xen-pciback), or null when unbound
 * @param iommuGroup the IOMMU group, or null when the host reports none
 * @param groupMembers every function of its IOMMU group, itself included
 * @param physicalFunction for an SR-IOV virtual function, its physical function; else null
 */
public record NodePciDevice(String address, int vendorId, int deviceId, String vendorName, String deviceName,
                            int classCode, String driver, Integer iommuGroup, List<String> groupMembers,
                            String physicalFunction, List<String> virtualFunctions) {

    public NodePciDevice {
        groupMembers = List.copyOf(groupMembers);
        virtualFunctions = List.copyOf(virtualFunctions);
    }

    /** Class 06xx: a host or PCI bridge, never assignable. */
    public boolean bridge() {
        return (classCode >> 16) == 0x06;
    }

    public boolean onPciback() {
        return "pciback".equals(driver);
    }
}
