package org.xenctl.cli;

import java.util.Map;

import org.xenctl.domain.XenctlException;
import org.xenctl.host.pci.AssignableRecords;
import org.xenctl.host.pci.DomainPciUse;
import org.xenctl.host.pci.PciAddress;
import org.xenctl.host.pci.PciDevice;
import org.xenctl.host.pci.PciInventory;
import org.xenctl.domain.ConnectOptions;
import org.xenctl.render.view.PciDeviceView;

/**
 * What the PCI listing commands know of the dom0's devices: sysfs, xenctl's records and, when libvirtd answers,
 * which running domain has which device. Listing does not need libvirtd (pci-restore runs before it at boot, and a
 * preflight should work when it is down): without it the "assigned" state is unknown and {@link #domainsNotRead}
 * says why.
 */
record PciHostFacts(PciInventory inventory, AssignableRecords records, Map<PciAddress, String> holders,
                    String domainsNotRead) {

    static PciHostFacts read(Invocation root) {
        java.nio.file.Path hostRoot = root.context().hostRoot();
        PciInventory inventory = PciInventory.of(hostRoot);
        AssignableRecords records = new AssignableRecords(hostRoot);
        try (Session session = root.context().sessions().open(root.connect(), ConnectOptions.READ_ONLY)) {
            return new PciHostFacts(inventory, records, DomainPciUse.read(session.hypervisor()), null);
        } catch (XenctlException e) {
            return new PciHostFacts(inventory, records, Map.of(), e.getMessage());
        }
    }

    PciDeviceView view(PciDevice device) {
        return PciDeviceView.of(device, records.find(device.address()).orElse(null),
                holders.get(device.address()));
    }
}
