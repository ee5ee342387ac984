package org.xenctl.cli;

import java.util.List;

import org.xenctl.host.pci.PciCheck;
import org.xenctl.host.pci.PciInventory;
import org.xenctl.render.View;
import org.xenctl.render.view.PciCheckView;

final class PciCheckCommand extends HypervisorCommand {
    List<String> addresses;

    @Override
    Declaration declare() {
        return Declaration.command(this, "pci-check", "Preflight for passthrough: can these devices be made "
                        + "assignable and given to a guest? A verdict per device with every reason in one line. Exit "
                        + "status 0 when all are assignable (warnings included), 4 when one is refused, 3 when one "
                        + "does not exist.")
                .parameters("0..*", "1..*", "BDF", "devices to check (DDDD:BB:SS.F)",
                        () -> addresses, v -> addresses = v);
    }

    @Override
    boolean needsSession() {
        return false;
    }

    @Override
    View execute(Session session) {
        LocalHostOnly.require(root().connect(), "pci-check");
        PciCheck check = new PciCheck(PciInventory.of(root().context().hostRoot()));
        return PciCheckView.of(PciAddresses.parse(addresses).stream().map(check::check).toList());
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
