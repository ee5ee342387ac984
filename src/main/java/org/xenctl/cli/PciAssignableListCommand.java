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
    Declaration declare() {
        return Declaration.command(this, "pci-assignable-list", "The devices bound to xen-pciback, one address per "
                        + "line as xl prints them; -l adds their state (assignable, assigned to a domain, pending at "
                        + "next boot), name and driver to restore. An error (exit 6), not an empty list, when "
                        + "xen-pciback is not loaded.")
                .flag("-n", "print each device's name after its address", v -> names = v)
                .flag("-l|--long", "a table with state, name, driver to restore, persistence", v -> longForm = v);
    }

    @Override
    View execute(Session session) {
        if (session != null) {
            // Through libvirt: no records (names, drivers to restore) and no sign of pciback beyond its devices.
            RemotePciHost host = RemotePciHost.read(session, root().connect());
            return new PciAssignableListView(null, host.devices().stream().filter(NodePciDevice::onPciback)
                    .map(host::view).toList(), names, longForm);
        }
        PciHostFacts facts = PciHostFacts.read(root());
        facts.inventory().requirePciback();
        List<PciDevice> listed = facts.inventory().devices().stream()
                .filter(d -> d.onPciback() || facts.records().find(d.address()).isPresent())
                .toList();
        return new PciAssignableListView(facts.domainsNotRead(), listed.stream().map(facts::view).toList(), names,
                longForm);
    }
}
