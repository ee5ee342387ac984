package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.render.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "autostart", description = "Make a persistent domain start when the host boots, or not with "
        + "--disable.")
final class AutostartCommand extends HypervisorCommand {
    @Option(names = "--disable", description = "stop starting it with the host")
    boolean disable;

    @Parameters(paramLabel = "DOMAIN", description = "name, id or uuid")
    String domain;

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().autostart(session.hypervisor().lookup(DomainRef.of(domain)),
                !disable));
    }
}
