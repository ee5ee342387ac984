package org.xenctl.cli;


import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.render.View;

final class DestroyCommand extends HypervisorCommand {
    final WaitOptions waitOptions = WaitOptions.always("wait at most S seconds for the domain to go (default 60); "
            + "exit 4 when the time is up");
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(waitOptions)
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        DomainSummary target = session.hypervisor().lookup(DomainRef.of(domain));
        try (WaitProgress progress = WaitProgress.start(invocation(), "waiting for Xen to release " + target.name())) {
            return Views.action(session.lifecycle().destroy(target, waitOptions.timeout()));
        }
    }
}
