package org.xenctl.cli;

import org.xenctl.domain.HostVersion;
import org.xenctl.render.View;
import org.xenctl.render.view.VersionView;

final class VersionCommand extends HypervisorCommand {
    @Override
    void declare(Declaration declaration) {
    }

    @Override
    View execute(Session session) {
        HostVersion v = session.hypervisor().version();
        return new VersionView(XenctlVersion.current(), v.uri(), session.uriSource(), v.hostname(),
                v.hypervisorType(), v.hypervisorVersion(), v.libvirtLibraryVersion(), v.libvirtDaemonVersion());
    }
}
