package org.xenctl.cli;


import org.xenctl.domain.DomainRef;
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
        return Views.action(session.lifecycle().reboot(session.hypervisor().lookup(DomainRef.of(domain)),
                waitOptions.waiting(), waitOptions.timeout()));
    }
}
