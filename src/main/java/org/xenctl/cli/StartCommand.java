package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.render.View;

final class StartCommand extends HypervisorCommand {
    boolean paused;
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("-p|--paused", "start it paused", v -> paused = v)
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        DomainSummary found = session.hypervisor().lookup(DomainRef.of(domain));
        if (!found.isActive()) {
            PciPreflights.before(invocation(), session, () -> session.hypervisor().devices(found.uuid(), true).pci(),
                    "domain " + found.name());
        }
        return Views.action(session.lifecycle().start(found, paused));
    }
}
