package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "info", aliases = "dominfo", description = "Show a domain: state, resources, type, persistence, "
        + "autostart and devices.")
final class InfoCommand extends HypervisorCommand {
    @Parameters(paramLabel = "DOMAIN", description = "name, id or uuid")
    String domain;

    @Override
    ConnectOptions connectOptions() {
        return ConnectOptions.READ_ONLY;
    }

    @Override
    View execute(Session session) {
        return Views.info(session.hypervisor().details(session.hypervisor().lookup(DomainRef.of(domain))));
    }
}
