package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.render.View;

final class UndefineCommand extends HypervisorCommand {
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().undefine(session.hypervisor().lookup(DomainRef.of(domain))));
    }
}
