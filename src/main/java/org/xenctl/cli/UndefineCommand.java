package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.render.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "undefine", description = "Remove a domain's persistent definition. A running domain keeps running "
        + "until it stops.")
final class UndefineCommand extends HypervisorCommand {
    @Parameters(paramLabel = "DOMAIN", description = "name, id or uuid")
    String domain;

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().undefine(session.hypervisor().lookup(DomainRef.of(domain))));
    }
}
