package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.render.View;
import org.xenctl.render.view.PciHostListView;

final class PciHostListCommand extends PciHostCommand {
    List<String> addresses = new ArrayList<>();

    @Override
    void declare(Declaration declaration) {
        declaration
                .parameters("0..*", "0..*", "BDF", "only these devices (DDDD:BB:SS.F)",
                        () -> addresses, v -> addresses = v);
    }

    @Override
    View execute(Session session) {
        return PciHostListView.of(PciHosts.of(invocation(), session).list(PciAddresses.parse(addresses)));
    }
}
