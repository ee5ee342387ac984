package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.render.View;
import org.xenctl.render.view.DomainXmlView;

final class DumpxmlCommand extends HypervisorCommand {
    boolean inactive;
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("--inactive", "the persistent definition instead of the live state", v -> inactive = v)
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        DomainSummary d = session.hypervisor().lookup(DomainRef.of(domain));
        return new DomainXmlView(d.name(), d.uuid(), inactive, session.hypervisor().xml(d.uuid(), inactive));
    }
}
