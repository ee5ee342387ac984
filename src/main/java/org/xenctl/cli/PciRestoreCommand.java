package org.xenctl.cli;

import java.util.List;
import java.util.Locale;

import org.xenctl.host.pci.PciBinder;
import org.xenctl.render.View;
import org.xenctl.render.view.PciRestoreView;

final class PciRestoreCommand extends HypervisorCommand {
    @Override
    Declaration declare() {
        return Declaration.command(this, "pci-restore", "At boot (the xenctl-pci-restore systemd unit) or by hand: "
                        + "make the devices recorded with pci-assignable-add --persistent assignable again, complete "
                        + "an add that was interrupted, and forget the others, which a reboot gave back to their "
                        + "drivers. Exit status 0 when every record was handled, 3 when a device is gone, 4 when the "
                        + "preflight refuses one now, 1 when the kernel refused a bind.");
    }

    @Override
    boolean needsSession() {
        return false;
    }

    @Override
    View execute(Session session) {
        LocalHostOnly.require(root().connect(), "pci-restore");
        List<PciBinder.Restored> restored = PciBinders.local(root().context()).restore();
        return new PciRestoreView(restored.stream().map(r -> new PciRestoreView.Entry(r.address().toString(),
                r.action().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.detail())).toList());
    }

    @Override
    int exitStatus(View view) {
        List<String> actions = ((PciRestoreView) view).devices().stream().map(PciRestoreView.Entry::action).toList();
        if (actions.contains("failed")) {
            return ExitStatus.FAILURE;
        }
        if (actions.contains("refused")) {
            return ExitStatus.CONFLICT;
        }
        return actions.contains("not-found") ? ExitStatus.NOT_FOUND : ExitStatus.OK;
    }
}
