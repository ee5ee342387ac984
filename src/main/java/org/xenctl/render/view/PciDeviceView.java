package org.xenctl.render.view;

import java.util.List;

import org.xenctl.host.pci.PciAddress;
import org.xenctl.host.pci.PciDevice;

/** One host PCI function, as pci-host-list shows it (docs/json.md). */
public record PciDeviceView(String address, String ids, String classCode, String description, String vendorName,
                            String deviceName, String subsystemIds, String driver, String state, Integer iommuGroup,
                            List<String> groupPeers, boolean bridge, String physicalFunction,
                            List<String> virtualFunctions, List<String> resetMethods, List<String> dom0Uses) {

    public static PciDeviceView of(PciDevice d) {
        return new PciDeviceView(d.address().toString(), d.ids(), String.format("%06x", d.classCode()),
                d.description(), d.vendorName(), d.deviceName(),
                String.format("%04x:%04x", d.subsystemVendorId(), d.subsystemDeviceId()), d.driver(), state(d),
                d.iommuGroup(), strings(d.groupPeers()),
                d.bridge(), d.physicalFunction() == null ? null : d.physicalFunction().toString(),
                strings(d.virtualFunctions()), d.resetMethods(), d.dom0Uses());
    }

    /** "assignable" on pciback, "host" with another driver, "unbound" with none. */
    private static String state(PciDevice d) {
        return d.onPciback() ? "assignable" : d.driver() == null ? "unbound" : "host";
    }

    private static List<String> strings(List<PciAddress> addresses) {
        return addresses.stream().map(PciAddress::toString).toList();
    }
}
