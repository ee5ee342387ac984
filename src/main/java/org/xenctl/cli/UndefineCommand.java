package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.render.View;

final class UndefineCommand extends HypervisorCommand {
    String domain;

    @Override
    Declaration declare() {
        return Declaration.command(this, "undefine", "Remove a domain's persistent definition. A running domain "
                        + "keeps running until it stops.")
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().undefine(session.hypervisor().lookup(DomainRef.of(domain))));
    }
}
