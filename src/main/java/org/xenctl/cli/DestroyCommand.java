package org.xenctl.cli;

import java.time.Duration;

import org.xenctl.domain.DomainRef;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "destroy", description = "Stop a domain at once, like pulling the plug, and return once the "
        + "hypervisor has released it. Destroying a stopped domain succeeds and changes nothing.")
final class DestroyCommand extends HypervisorCommand {
    @Option(names = {"-t", "--timeout"}, paramLabel = "S", converter = Seconds.class,
            description = "wait at most S seconds for the domain to go (default 60); exit 4 when the time is up")
    Duration timeout;

    @Parameters(paramLabel = "DOMAIN", description = "name, id or uuid")
    String domain;

    @Override
    ConnectOptions connectOptions() {
        return ConnectOptions.WITH_EVENTS;
    }

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().destroy(session.hypervisor().lookup(DomainRef.of(domain)), timeout));
    }
}
