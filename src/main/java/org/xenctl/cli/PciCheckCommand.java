package org.xenctl.cli;

import java.util.List;

import org.xenctl.render.View;
import org.xenctl.render.view.PciCheckView;

final class PciCheckCommand extends HypervisorCommand {
    List<String> addresses;

    @Override
    void declare(Declaration declaration) {
        declaration
                .parameters("0..*", "1..*", "BDF", "devices to check (DDDD:BB:SS.F)",
                        () -> addresses, v -> addresses = v);
    }

    @Override
    View execute(Session session) {
        LocalHostOnly.require(invocation(), "pci-check");
        return PciCheckView.of(PciHosts.local(invocation()).check(PciAddresses.parse(addresses)));
    }

    @Override
    int exitStatus(View view) {
        List<String> verdicts = ((PciCheckView) view).devices().stream().map(PciCheckView.Device::verdict).toList();
        if (verdicts.contains("not-found")) {
            return ExitStatus.NOT_FOUND;
        }
        return verdicts.contains("refused") ? ExitStatus.CONFLICT : ExitStatus.OK;
    }
}
