package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.NodePciDevice;
import org.xenctl.host.pci.PciAddress;
import org.xenctl.host.pci.PciDevice;
import org.xenctl.host.pci.PciInventory;
import org.xenctl.render.View;
import org.xenctl.render.view.PciHostListView;

final class PciHostListCommand extends PciHostCommand {
    List<String> addresses = new ArrayList<>();

    @Override
    void declare(Declaration declaration) {
        declaration
                .parameters("0..*", "0..*", "BDF", "only these devices (DDDD:BB:SS.F)",
                        () -> addresses, v -> addresses = v);
    }

    @Override
    View execute(Session session) {
        List<PciAddress> wanted = PciAddresses.parse(addresses);
        if (session != null) {
            RemotePciHost host = RemotePciHost.read(session, invocation().connect());
            List<NodePciDevice> devices = wanted.isEmpty() ? host.devices()
                    : wanted.stream().map(host::require).toList();
            return new PciHostListView("libvirt", null, null, devices.stream().map(host::view).toList());
        }
        PciHostFacts facts = PciHostFacts.read(invocation());
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
        return new PciHostListView("sysfs", inventory.pcibackLoaded(), facts.domainsNotRead(),
                devices.stream().map(facts::view).toList());
    }
}
