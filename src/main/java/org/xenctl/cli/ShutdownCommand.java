package org.xenctl.cli;

import java.time.Duration;
import java.util.List;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.Outcome;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;
import org.xenctl.render.view.ActionListView;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "shutdown", description = "Ask a domain (or, with --all, every running domain but Domain-0) to shut "
        + "down. Shutting down a stopped domain succeeds and changes nothing.")
final class ShutdownCommand extends HypervisorCommand {
    @Option(names = {"-w", "--wait"}, description = "return only once the domain is off")
    boolean wait;

    @Option(names = {"-t", "--timeout"}, paramLabel = "S", converter = Seconds.class,
            description = "wait at most S seconds (implies --wait); exit 4 when the time is up")
    Duration timeout;

    @Option(names = {"-F", "--force"}, description = "destroy the domain if it is not off when the timeout "
            + "(default 60 s) passes (implies --wait)")
    boolean force;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = {"-a", "--all"}, required = true, description = "every running domain except Domain-0")
        boolean all;

        @Parameters(paramLabel = "DOMAIN", description = "name, id or uuid")
        String domain;
    }

    @Override
    ConnectOptions connectOptions() {
        return ConnectOptions.WITH_EVENTS;
    }

    @Override
    View execute(Session session) {
        boolean waiting = wait || timeout != null || force;
        if (target.all) {
            List<DomainSummary> running = session.hypervisor().list(false).stream()
                    .filter(d -> d.id() != 0)
                    .toList();
            List<Outcome> outcomes = session.lifecycle().shutdownAll(running, waiting, timeout, force);
            return new ActionListView("shutdown", outcomes.stream().map(Views::action).toList());
        }
        DomainSummary domain = session.hypervisor().lookup(DomainRef.of(target.domain));
        return Views.action(session.lifecycle().shutdown(domain, waiting, timeout, force));
    }
}
