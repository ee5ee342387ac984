package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;

final class InfoCommand extends HypervisorCommand {
    String domain;

    @Override
    Declaration declare() {
        return Declaration.command(this, "info", "Show a domain: state, resources, type, persistence, autostart and "
                        + "devices.")
                .aliases("dominfo")
                .domain(v -> domain = v);
    }

    @Override
    ConnectOptions connectOptions() {
        return ConnectOptions.READ_ONLY;
    }

    @Override
    View execute(Session session) {
        return Views.info(session.hypervisor().details(session.hypervisor().lookup(DomainRef.of(domain))));
    }
}
