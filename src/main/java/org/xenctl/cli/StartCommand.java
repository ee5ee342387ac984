package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
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
        return Views.action(session.lifecycle().start(session.hypervisor().lookup(DomainRef.of(domain)), paused));
    }
}
