package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.host.pci.LibvirtHostPci;
import org.xenctl.render.View;
import org.xenctl.render.view.FleetPciHostListView;
import org.xenctl.render.view.FleetView;
import org.xenctl.render.view.PciHostListView;

/**
 * pci-host-list: the host's PCI functions (its sysfs on the dom0 itself, libvirt's node devices from elsewhere);
 * over several hosts, each one's in one table.
 */
final class PciHostListCommand extends PciHostCommand implements FleetCommand {
    List<String> addresses = new ArrayList<>();

    @Override
    void declare(Declaration declaration) {
        declaration
                .parameters("0..*", "0..*", "BDF", "only these devices (DDDD:BB:SS.F)",
                        () -> addresses, v -> addresses = v);
    }

    @Override
    View execute(Session session) {
        return PciHostListView.of(PciHosts.of(invocation(), session).list(PciAddresses.parse(addresses)));
    }

    @Override
    public View executeOn(Session session, String uri) {
        return PciHostListView.of((LocalHostOnly.isLocal(uri) ? PciHosts.local(invocation(), session)
                : new LibvirtHostPci(session.hypervisor(), uri)).list(PciAddresses.parse(addresses)));
    }

    @Override
    public View merge(List<HostAnswer> answers) {
        return new FleetPciHostListView(answers.stream().map(answer -> new FleetView.Host<>(answer.uri(),
                (PciHostListView) answer.view(), answer.answered() ? null : ErrorReporter.errorView(answer.failure())
                .error())).toList());
    }
}
