package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.render.View;

final class PauseCommand extends HypervisorCommand {
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().pause(session.hypervisor().lookup(DomainRef.of(domain))));
    }
}
