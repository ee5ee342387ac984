package org.xenctl.cli;

import java.time.Duration;
import java.util.List;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Outcome;
import org.xenctl.render.View;
import org.xenctl.render.view.ActionListView;

final class ShutdownCommand extends HypervisorCommand {
    final WaitOptions waitOptions = WaitOptions.whenAsked("the domain is off");
    boolean force;
    boolean acpi;
    boolean all;
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(waitOptions)
                .flag("-F|--force", "destroy the domain if it is not off when the timeout (default 60 s) passes "
                        + "(implies --wait)", v -> force = v)
                .flag("--acpi", "press the guest's ACPI power button (S5) instead of sending Xen's PV shutdown "
                        + "request: HVM guests only", v -> acpi = v)
                .eitherFlagOrParameter("-a|--all", "every running domain except Domain-0", v -> all = v,
                        "DOMAIN", "name, id or uuid", v -> domain = v);
    }

    @Override
    View execute(Session session) {
        boolean waiting = waitOptions.waiting() || force;
        Duration timeout = waitOptions.timeout();
        if (all) {
            List<DomainSummary> running = session.hypervisor().list(false).stream()
                    .filter(d -> !d.isControlDomain())
                    .toList();
            List<Outcome> outcomes;
            try (WaitProgress progress = waiting ? WaitProgress.start(invocation(), "waiting for "
                    + running.size() + " domains to shut down") : null) {
                outcomes = session.lifecycle().shutdownAll(running, request(), waiting, timeout, force);
            }
            return new ActionListView("shutdown", outcomes.stream().map(Views::action).toList());
        }
        DomainSummary target = session.hypervisor().lookup(DomainRef.of(domain));
        try (WaitProgress progress = waiting ? WaitProgress.start(invocation(), "waiting for " + target.name()
                + " to shut down") : null) {
            return Views.action(session.lifecycle().shutdown(target, request(), waiting, timeout, force));
        }
    }

    private Hypervisor.ShutdownRequest request() {
        return acpi ? Hypervisor.ShutdownRequest.ACPI_POWER_BUTTON : Hypervisor.ShutdownRequest.DEFAULT;
    }
}
