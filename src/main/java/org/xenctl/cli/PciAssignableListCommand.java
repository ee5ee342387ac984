package org.xenctl.cli;

import org.xenctl.render.View;
import org.xenctl.render.view.PciAssignableListView;

final class PciAssignableListCommand extends PciHostCommand {
    boolean names;
    boolean longForm;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("-n", "print each device's name after its address", v -> names = v)
                .flag("-l|--long", "a table with state, name, driver to restore, persistence", v -> longForm = v);
    }

    @Override
    View execute(Session session) {
        return PciAssignableListView.of(PciHosts.of(invocation(), session).assignable(), names, longForm);
    }
}
