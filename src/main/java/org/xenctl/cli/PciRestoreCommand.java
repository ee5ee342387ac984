package org.xenctl.cli;

import java.util.List;
import java.util.Locale;

import org.xenctl.host.pci.PciBinder;
import org.xenctl.render.View;
import org.xenctl.render.view.PciRestoreView;

final class PciRestoreCommand extends HypervisorCommand {
    @Override
    void declare(Declaration declaration) {
    }

    @Override
    View execute(Session session) {
        LocalHostOnly.require(invocation(), "pci-restore");
        List<PciBinder.Restored> restored = PciHosts.local(invocation()).restore();
        return new PciRestoreView(restored.stream().map(r -> new PciRestoreView.Entry(r.address().toString(),
                r.action().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.detail())).toList());
    }

    @Override
    int exitStatus(View view) {
        List<String> actions = ((PciRestoreView) view).devices().stream().map(PciRestoreView.Entry::action).toList();
        if (actions.contains("failed")) {
            return ExitStatus.FAILURE;
        }
        if (actions.contains("damaged")) {
            return ExitStatus.BAD_CONFIG;
        }
        if (actions.contains("refused")) {
            return ExitStatus.CONFLICT;
        }
        return actions.contains("not-found") ? ExitStatus.NOT_FOUND : ExitStatus.OK;
    }
}
