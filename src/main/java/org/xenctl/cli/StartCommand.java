package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.render.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "start", description = "Start a defined domain. Starting a running domain succeeds and changes "
        + "nothing.")
final class StartCommand extends HypervisorCommand {
    @Option(names = {"-p", "--paused"}, description = "start it paused")
    boolean paused;

    @Parameters(paramLabel = "DOMAIN", description = "name, id or uuid")
    String domain;

    @Override
    View execute(Session session) {
        DomainSummary found = session.hypervisor().lookup(DomainRef.of(domain));
        if (!found.isActive()) {
            PciPreflights.beforeStart(root(), session, session.hypervisor().xml(found.uuid(), true),
                    "domain " + found.name());
        }
        return Views.action(session.lifecycle().start(found, paused));
    }
}
