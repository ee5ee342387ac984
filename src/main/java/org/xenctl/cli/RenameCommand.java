package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.render.View;

final class RenameCommand extends HypervisorCommand {
    String domain;
    String newName;

    @Override
    void declare(Declaration declaration) {
        declaration
                .domain(v -> domain = v)
                .parameter("1", "NEW_NAME", String.class, "the name it takes", v -> newName = v);
    }

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().rename(session.hypervisor().lookup(DomainRef.of(domain)), newName));
    }
}
