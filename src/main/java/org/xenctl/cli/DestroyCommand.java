package org.xenctl.cli;

import java.time.Duration;

import org.xenctl.domain.DomainRef;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;

final class DestroyCommand extends HypervisorCommand {
    Duration timeout;
    String domain;

    @Override
    Declaration declare() {
        return Declaration.command(this, "destroy", "Stop a domain at once, like pulling the plug, and return once "
                        + "the hypervisor has released it. Destroying a stopped domain succeeds and changes nothing.")
                .option("-t|--timeout", "S", Duration.class, new Seconds(), "wait at most S seconds for the domain "
                        + "to go (default 60); exit 4 when the time is up", v -> timeout = v)
                .domain(v -> domain = v);
    }

    @Override
    ConnectOptions connectOptions() {
        return ConnectOptions.WITH_EVENTS;
    }

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().destroy(session.hypervisor().lookup(DomainRef.of(domain)), timeout));
    }
}
