package org.xenctl.host.pci;

import java.util.List;

import org.xenctl.domain.NodePciDevice;
import org.xenctl.domain.PciAddress;

/**
 * One host PCI function as either side of {@link HostPci} sees it; null where it cannot tell (libvirt's node-device
 * API reports no subsystem ids, reset methods or dom0 use, and a remote host has no xenctl records).
 *
 * @param domain          the running domain that has it, or null (also when that could not be read)
 * @param name            its pci-assignable-add -n name, or null
 * @param driverToRestore the driver pci-assignable-remove -r gives it back to, or null
 * @param persistent      pci-restore makes it assignable at boot
 */
public record HostPciDevice(PciAddress address, String ids, int classCode, String description, String vendorName,
                            String deviceName, String subsystemIds, String driver, AssignmentState state,
                            String domain, String name, String driverToRestore, boolean persistent,
                            Integer iommuGroup, List<String> groupPeers, boolean bridge, String physicalFunction,
                            List<String> virtualFunctions, List<String> resetMethods, List<String> dom0Uses) {

    /** A device as sysfs shows it, with xenctl's record of it (or null) and the domain that has it (or null). */
    static HostPciDevice of(PciDevice d, AssignableRecords.Assignable record, String domain) {
        return new HostPciDevice(d.address(), d.ids(), d.classCode(), d.description(), d.vendorName(),
                d.deviceName(), String.format("%04x:%04x", d.subsystemVendorId(), d.subsystemDeviceId()), d.driver(),
                AssignmentState.of(d, record, domain), domain, record == null ? null : record.name(),
                record == null ? null : record.driver(), record != null && record.persistent(), d.iommuGroup(),
                strings(d.groupPeers()), d.bridge(),
                d.physicalFunction() == null ? null : d.physicalFunction().toString(), strings(d.virtualFunctions()),
                d.resetMethods(), d.dom0Uses());
    }

    /** A device as libvirt's node-device API shows it. */
    static HostPciDevice of(NodePciDevice d, String domain) {
        AssignmentState state = d.onPciback()
                ? (domain == null ? AssignmentState.ASSIGNABLE : AssignmentState.ASSIGNED)
                : d.driver() == null ? AssignmentState.UNBOUND : AssignmentState.HOST;
        return new HostPciDevice(PciAddress.parseOrNull(d.address()), String.format("%04x:%04x", d.vendorId(),
                d.deviceId()), d.classCode(), PciDevice.describe(d.vendorId(), d.deviceId(), d.vendorName(),
                d.deviceName()), d.vendorName(), d.deviceName(), null, d.driver(), state, domain, null, null, false,
                d.iommuGroup(), d.groupMembers().stream().filter(member -> !member.equals(d.address())).toList(),
                d.bridge(), d.physicalFunction(), d.virtualFunctions(), null, null);
    }

    /** On xen-pciback now. */
    public boolean onPciback() {
        return "pciback".equals(driver);
    }

    private static List<String> strings(List<PciAddress> addresses) {
        return addresses.stream().map(PciAddress::toString).toList();
    }
}
