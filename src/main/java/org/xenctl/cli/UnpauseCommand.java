package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.render.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unpause", description = "Let a paused domain run again (virsh calls it resume). Unpausing a running domain succeeds and changes nothing.")
final class UnpauseCommand extends HypervisorCommand {
    @Parameters(paramLabel = "DOMAIN", description = "name, id or uuid")
    String domain;

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().unpause(session.hypervisor().lookup(DomainRef.of(domain))));
    }
}
