package org.xenctl.cli;

import java.time.Duration;
import java.util.List;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.Outcome;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;
import org.xenctl.render.view.ActionListView;
import picocli.CommandLine.Model.ArgGroupSpec;

final class ShutdownCommand extends HypervisorCommand {
    boolean wait;
    Duration timeout;
    boolean force;
    boolean all;
    String domain;

    @Override
    Declaration declare() {
        Declaration declaration = Declaration.command(this, "shutdown", "Ask a domain (or, with --all, every running "
                        + "domain but Domain-0) to shut down. Shutting down a stopped domain succeeds and changes "
                        + "nothing.")
                .flag("-w|--wait", "return only once the domain is off", v -> wait = v)
                .option("-t|--timeout", "S", Duration.class, new Seconds(), "wait at most S seconds (implies --wait); "
                        + "exit 4 when the time is up", v -> timeout = v)
                .flag("-F|--force", "destroy the domain if it is not off when the timeout (default 60 s) passes "
                        + "(implies --wait)", v -> force = v);
        // A domain or --all: exactly one of them.
        return declaration.picocliOnly(spec -> spec.addArgGroup(ArgGroupSpec.builder().exclusive(true)
                .multiplicity("1")
                .addArg(Declaration.bind(Declaration.option("-a|--all", "every running domain except Domain-0")
                        .arity("0").type(boolean.class).required(true), v -> all = (Boolean) v).build())
                .addArg(Declaration.bind(Declaration.positional("0", "1", "DOMAIN", "name, id or uuid")
                        .type(String.class), v -> domain = (String) v).build())
                .build()));
    }

    @Override
    ConnectOptions connectOptions() {
        return ConnectOptions.WITH_EVENTS;
    }

    @Override
    View execute(Session session) {
        boolean waiting = wait || timeout != null || force;
        if (all) {
            List<DomainSummary> running = session.hypervisor().list(false).stream()
                    .filter(d -> d.id() != 0)
                    .toList();
            List<Outcome> outcomes = session.lifecycle().shutdownAll(running, waiting, timeout, force);
            return new ActionListView("shutdown", outcomes.stream().map(Views::action).toList());
        }
        DomainSummary target = session.hypervisor().lookup(DomainRef.of(domain));
        return Views.action(session.lifecycle().shutdown(target, waiting, timeout, force));
    }
}
