package org.xenctl.cli;


import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.render.View;

final class RebootCommand extends HypervisorCommand {
    final WaitOptions waitOptions = WaitOptions.whenAsked("the domain has restarted and runs");
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
        try (WaitProgress progress = waitOptions.waiting() ? WaitProgress.start(invocation(), "waiting for "
                + target.name() + " to run again") : null) {
            return Views.action(session.lifecycle().reboot(target, waitOptions.waiting(), waitOptions.timeout()));
        }
    }
}
