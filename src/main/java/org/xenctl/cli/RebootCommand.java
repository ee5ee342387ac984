package org.xenctl.cli;

import java.time.Duration;

import org.xenctl.domain.DomainRef;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;

final class RebootCommand extends HypervisorCommand {
    boolean wait;
    Duration timeout;
    String domain;

    @Override
    Declaration declare() {
        return Declaration.command(this, "reboot", "Ask a running domain to reboot.")
                .flag("-w|--wait", "return only once the domain has restarted and runs", v -> wait = v)
                .option("-t|--timeout", "S", Duration.class, new Seconds(), "wait at most S seconds (implies "
                        + "--wait); exit 4 when the time is up", v -> timeout = v)
                .domain(v -> domain = v);
    }

    @Override
    ConnectOptions connectOptions() {
        return ConnectOptions.WITH_EVENTS;
    }

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().reboot(session.hypervisor().lookup(DomainRef.of(domain)),
                wait || timeout != null, timeout));
    }
}
