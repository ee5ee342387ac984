package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;
import org.xenctl.render.view.DomainIdentityView;

final class DomidCommand extends HypervisorCommand {
    String domain;

    @Override
    Declaration declare() {
        return Declaration.command(this, "domid", "Print a domain's id (- when it is not running).")
                .domain(v -> domain = v);
    }

    @Override
    ConnectOptions connectOptions() {
        return ConnectOptions.READ_ONLY;
    }

    @Override
    View execute(Session session) {
        DomainSummary d = session.hypervisor().lookup(DomainRef.of(domain));
        return new DomainIdentityView(d.id() >= 0 ? d.id() : null, d.name(), d.uuid(), false);
    }
}
