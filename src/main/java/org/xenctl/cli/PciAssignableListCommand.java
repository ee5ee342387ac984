package org.xenctl.cli;

import java.util.List;

import org.xenctl.host.pci.PciDevice;
import org.xenctl.domain.NodePciDevice;
import org.xenctl.render.View;
import org.xenctl.render.view.PciAssignableListView;

final class PciAssignableListCommand extends PciHostCommand {
    boolean names;
    boolean longForm;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("-n", "print each device's name after its address", v -> names = v)
                .flag("-l|--long", "a table with state, name, driver to restore, persistence", v -> longForm = v);
    }

    @Override
    View execute(Session session) {
        if (session != null) {
            // Through libvirt: no records (names, drivers to restore) and no sign of pciback beyond its devices.
            RemotePciHost host = RemotePciHost.read(session, invocation().connect());
            return new PciAssignableListView(null, host.devices().stream().filter(NodePciDevice::onPciback)
                    .map(host::view).toList(), names, longForm);
        }
        PciHostFacts facts = PciHostFacts.read(invocation());
        facts.inventory().requirePciback();
        List<PciDevice> listed = facts.inventory().devices().stream()
                .filter(d -> d.onPciback() || facts.records().find(d.address()).isPresent())
                .toList();
        return new PciAssignableListView(facts.domainsNotRead(), listed.stream().map(facts::view).toList(), names,
                longForm);
    }
}
