package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.render.View;
import org.xenctl.render.view.DomainXmlView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dumpxml", description = "Print a domain's libvirt XML: the live one, or with --inactive the "
        + "definition it will start from next time.")
final class DumpxmlCommand extends HypervisorCommand {
    @Option(names = "--inactive", description = "the persistent definition instead of the live state")
    boolean inactive;

    @Parameters(paramLabel = "DOMAIN", description = "name, id or uuid")
    String domain;

    @Override
    View execute(Session session) {
        DomainSummary d = session.hypervisor().lookup(DomainRef.of(domain));
        return new DomainXmlView(d.name(), d.uuid(), inactive, session.hypervisor().xml(d.uuid(), inactive));
    }
}
