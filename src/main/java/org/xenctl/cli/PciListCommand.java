package org.xenctl.cli;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.Hypervisor;
import org.xenctl.render.View;
import org.xenctl.render.view.PciDomainListView;

final class PciListCommand extends HypervisorCommand {
    boolean config;
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("--config", "the persistent definition, not the running domain", v -> config = v)
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        Hypervisor hypervisor = session.hypervisor();
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        boolean inactive = config || !target.summary().isActive();
        return new PciDomainListView(target.summary().name(), inactive ? "config" : "live",
                hypervisor.devices(target.summary().uuid(), inactive).pci().stream()
                        .map(d -> new PciDomainListView.Device(d.addressText(), d.vslot(), d.managed(), d.permissive()))
                        .toList());
    }
}
