package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.render.View;

final class PauseCommand extends HypervisorCommand {
    String domain;

    @Override
    Declaration declare() {
        return Declaration.command(this, "pause", "Pause a running domain (virsh calls it suspend). Pausing a paused "
                        + "domain succeeds and changes nothing.")
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().pause(session.hypervisor().lookup(DomainRef.of(domain))));
    }
}
