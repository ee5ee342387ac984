package org.xenctl.render.view;

import java.util.List;

import org.xenctl.host.pci.AssignmentState;
import org.xenctl.host.pci.HostPciDevice;

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

    public static PciDeviceView of(HostPciDevice d) {
        return new PciDeviceView(d.address().toString(), d.ids(), String.format("%06x", d.classCode()),
                d.description(), d.vendorName(), d.deviceName(), d.subsystemIds(), d.driver(), d.state().label(),
                d.domain(), d.name(), d.driverToRestore(), d.persistent(), d.iommuGroup(), d.groupPeers(),
                d.bridge(), d.physicalFunction(), d.virtualFunctions(), d.resetMethods(), d.dom0Uses());
    }

    static List<PciDeviceView> of(List<HostPciDevice> devices) {
        return devices.stream().map(PciDeviceView::of).toList();
    }
}
