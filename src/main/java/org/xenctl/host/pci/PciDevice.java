package org.xenctl.host.pci;

import java.util.List;

import org.xenctl.domain.PciAddress;

/**
 * One PCI function of the dom0, as sysfs shows it.
 *
 * @param driver the bound driver's name ("pciback" for xen-pciback), or null when unbound
 * @param iommuGroup the IOMMU group, or null when the kernel has no IOMMU groups (no IOMMU, or Xen's dom0)
 * @param groupPeers the other functions of its IOMMU group
 * @param bridge a bridge (class 06xx): never assignable
 * @param physicalFunction for an SR-IOV virtual function, its physical function; else null
 * @param virtualFunctions for an SR-IOV physical function, its enabled virtual functions
 * @param resetMethods the kernel's reset methods (reset_method: flr, af_flr, pm, bus…), empty when it has none
 * @param dom0Uses why dom0 needs it (a mounted filesystem, an interface that is up…); empty when unused
 */
public record PciDevice(PciAddress address, int vendorId, int deviceId, int subsystemVendorId,
                        int subsystemDeviceId, int classCode, String vendorName, String deviceName, String driver,
                        Integer iommuGroup, List<PciAddress> groupPeers, boolean bridge,
                        PciAddress physicalFunction, List<PciAddress> virtualFunctions, List<String> resetMethods,
                        List<String> dom0Uses) {

    /** The name xen-pciback registers its driver under. */
    public static final String PCIBACK = "pciback";

    public boolean onPciback() {
        return PCIBACK.equals(driver);
    }

    /** "8086:10d3", as lspci -n prints it. */
    public String ids() {
        return String.format("%04x:%04x", vendorId, deviceId);
    }

    /** "Intel Corporation 82574L Gigabit Network Connection", or the ids when pci.ids does not know them. */
    public String description() {
        return describe(vendorId, deviceId, vendorName, deviceName);
    }

    /** The description rule, shared with devices described by libvirt rather than read from sysfs. */
    public static String describe(int vendorId, int deviceId, String vendorName, String deviceName) {
        if (vendorName == null) {
            return String.format("%04x:%04x", vendorId, deviceId);
        }
        return deviceName == null ? vendorName + " device " + String.format("%04x", deviceId)
                : vendorName + " " + deviceName;
    }
}
