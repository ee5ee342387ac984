package org.xenctl.cli;

import java.time.Duration;

import org.xenctl.domain.DomainRef;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reboot", description = "Ask a running domain to reboot.")
final class RebootCommand extends HypervisorCommand {
    @Option(names = {"-w", "--wait"}, description = "return only once the domain has restarted and runs")
    boolean wait;

    @Option(names = {"-t", "--timeout"}, paramLabel = "S", converter = Seconds.class,
            description = "wait at most S seconds (implies --wait); exit 4 when the time is up")
    Duration timeout;

    @Parameters(paramLabel = "DOMAIN", description = "name, id or uuid")
    String domain;

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
