package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.render.View;
import org.xenctl.render.view.DomainXmlView;

final class DumpxmlCommand extends HypervisorCommand {
    boolean inactive;
    String domain;

    @Override
    Declaration declare() {
        return Declaration.command(this, "dumpxml", "Print a domain's libvirt XML: the live one, or with --inactive "
                        + "the definition it will start from next time.")
                .flag("--inactive", "the persistent definition instead of the live state", v -> inactive = v)
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        DomainSummary d = session.hypervisor().lookup(DomainRef.of(domain));
        return new DomainXmlView(d.name(), d.uuid(), inactive, session.hypervisor().xml(d.uuid(), inactive));
    }
}
