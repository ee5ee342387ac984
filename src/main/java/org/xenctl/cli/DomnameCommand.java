package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;
import org.xenctl.render.view.DomainIdentityView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "domname", description = "Print a domain's name.")
final class DomnameCommand extends HypervisorCommand {
    @Parameters(paramLabel = "DOMAIN", description = "id, uuid or name")
    String domain;

    @Override
    ConnectOptions connectOptions() {
        return ConnectOptions.READ_ONLY;
    }

    @Override
    View execute(Session session) {
        DomainSummary d = session.hypervisor().lookup(DomainRef.of(domain));
        return new DomainIdentityView(d.id() >= 0 ? d.id() : null, d.name(), d.uuid(), true);
    }
}
