package org.xenctl.cli;

import org.xenctl.domain.HostVersion;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;
import org.xenctl.render.view.VersionView;

final class VersionCommand extends HypervisorCommand {
    @Override
    Declaration declare() {
        return Declaration.command(this, "version", "Show the versions of xenctl, libvirt and the hypervisor, and "
                        + "which URI xenctl connects to and why.");
    }

    @Override
    ConnectOptions connectOptions() {
        return ConnectOptions.READ_ONLY;
    }

    @Override
    View execute(Session session) {
        HostVersion v = session.hypervisor().version();
        return new VersionView(XenctlVersion.current(), v.uri(), session.uriSource(), v.hostname(),
                v.hypervisorType(), v.hypervisorVersion(), v.libvirtLibraryVersion(), v.libvirtDaemonVersion());
    }
}
