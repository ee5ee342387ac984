package org.xenctl.render.view;

import java.util.List;

import org.xenctl.domain.NodePciDevice;
import org.xenctl.host.pci.AssignableRecords.Assignable;
import org.xenctl.host.pci.AssignmentState;
import org.xenctl.host.pci.PciAddress;
import org.xenctl.host.pci.PciDevice;

/**
 * One host PCI function, as pci-host-list and pci-assignable-list show it (docs/json.md).
 *
 * @param state           {@link AssignmentState#label()}
 * @param domain          the running domain that has it, or null (also when libvirtd could not be asked)
 * @param name            its name from pci-assignable-add -n, or null
 * @param driverToRestore the driver pci-assignable-remove -r gives it back to, or null
 * @param persistent      pci-restore makes it assignable at boot
 */
public record PciDeviceView(String address, String ids, String classCode, String description, String vendorName,
                            String deviceName, String subsystemIds, String driver, String state, String domain,
                            String name, String driverToRestore, boolean persistent, Integer iommuGroup,
                            List<String> groupPeers, boolean bridge, String physicalFunction,
                            List<String> virtualFunctions, List<String> resetMethods, List<String> dom0Uses) {

    public static PciDeviceView of(PciDevice d, Assignable record, String domain) {
        return new PciDeviceView(d.address().toString(), d.ids(), String.format("%06x", d.classCode()),
                d.description(), d.vendorName(), d.deviceName(),
                String.format("%04x:%04x", d.subsystemVendorId(), d.subsystemDeviceId()), d.driver(),
                AssignmentState.of(d, record, domain).label(), domain,
                record == null ? null : record.name(), record == null ? null : record.driver(),
                record != null && record.persistent(),
                d.iommuGroup(), strings(d.groupPeers()),
                d.bridge(), d.physicalFunction() == null ? null : d.physicalFunction().toString(),
                strings(d.virtualFunctions()), d.resetMethods(), d.dom0Uses());
    }

    /**
     * A device as libvirt's node-device API shows it (a remote host): no subsystem ids, reset methods or dom0 use
     * (null: unknown), no xenctl records.
     */
    public static PciDeviceView ofNode(NodePciDevice d, String domain) {
        AssignmentState state = d.onPciback()
                ? (domain == null ? AssignmentState.ASSIGNABLE : AssignmentState.ASSIGNED)
                : d.driver() == null ? AssignmentState.UNBOUND : AssignmentState.HOST;
        return new PciDeviceView(d.address(), String.format("%04x:%04x", d.vendorId(), d.deviceId()),
                String.format("%06x", d.classCode()),
                PciDevice.describe(d.vendorId(), d.deviceId(), d.vendorName(), d.deviceName()), d.vendorName(),
                d.deviceName(), null, d.driver(),
                state.label(), domain, null, null, false, d.iommuGroup(),
                d.groupMembers().stream().filter(member -> !member.equals(d.address())).toList(), d.bridge(),
                d.physicalFunction(), d.virtualFunctions(), null, null);
    }

    private static List<String> strings(List<PciAddress> addresses) {
        return addresses.stream().map(PciAddress::toString).toList();
    }
}
