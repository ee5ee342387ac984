package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.render.View;

final class UnpauseCommand extends HypervisorCommand {
    String domain;

    @Override
    Declaration declare() {
        return Declaration.command(this, "unpause", "Let a paused domain run again (virsh calls it resume). "
                        + "Unpausing a running domain succeeds and changes nothing.")
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().unpause(session.hypervisor().lookup(DomainRef.of(domain))));
    }
}
