package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.host.pci.PciAddress;
import org.xenctl.host.pci.PciDevice;
import org.xenctl.host.pci.PciInventory;
import org.xenctl.render.View;
import org.xenctl.render.view.PciHostListView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pci-host-list", description = "The dom0's PCI devices: ids and names, driver, assignment state, "
        + "IOMMU group, reset methods, and whether dom0 uses them. Reads this machine's sysfs.")
final class PciHostListCommand extends HypervisorCommand {
    @Parameters(paramLabel = "BDF", arity = "0..*", description = "only these devices (DDDD:BB:SS.F)")
    List<String> addresses = new ArrayList<>();

    @Override
    boolean needsSession() {
        return false;
    }

    @Override
    View execute(Session session) {
        LocalHostOnly.require(root().connect(), "pci-host-list");
        List<PciAddress> wanted = PciAddresses.parse(addresses);
        PciHostFacts facts = PciHostFacts.read(root());
        PciInventory inventory = facts.inventory();
        List<PciDevice> devices;
        if (wanted.isEmpty()) {
            devices = inventory.devices();
        } else {
            devices = new ArrayList<>();
            for (PciAddress address : wanted) {
                devices.add(inventory.require(address));
            }
        }
        return new PciHostListView(inventory.pcibackLoaded(), facts.domainsNotRead(),
                devices.stream().map(facts::view).toList());
    }
}
