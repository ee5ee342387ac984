package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.render.View;

final class AutostartCommand extends HypervisorCommand {
    boolean disable;
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("--disable", "stop starting it with the host", v -> disable = v)
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().autostart(session.hypervisor().lookup(DomainRef.of(domain)),
                !disable));
    }
}
