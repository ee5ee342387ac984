package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.render.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pause", description = "Pause a running domain (virsh calls it suspend). Pausing a paused domain succeeds and changes nothing.")
final class PauseCommand extends HypervisorCommand {
    @Parameters(paramLabel = "DOMAIN", description = "name, id or uuid")
    String domain;

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().pause(session.hypervisor().lookup(DomainRef.of(domain))));
    }
}
