package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.render.View;
import org.xenctl.render.view.DomainIdentityView;

final class DomnameCommand extends HypervisorCommand {
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration
                .parameter("0", "DOMAIN", String.class, "id, uuid or name", v -> domain = v);
    }

    @Override
    View execute(Session session) {
        DomainSummary d = session.hypervisor().lookup(DomainRef.of(domain));
        return new DomainIdentityView(d.id() >= 0 ? d.id() : null, d.name(), d.uuid(), true);
    }
}
