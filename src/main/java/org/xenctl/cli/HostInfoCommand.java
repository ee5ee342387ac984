package org.xenctl.cli;

import org.xenctl.render.View;
import org.xenctl.render.view.HostInfoView;

/** host-info: xl info's host facts (and virsh nodeinfo's and capabilities'), as libvirt tells them. */
final class HostInfoCommand extends HypervisorCommand {

    @Override
    void declare(Declaration declaration) {
        // no options of its own
    }

    @Override
    View execute(Session session) {
        return HostInfoView.of(session.hypervisor().hostInfo());
    }
}
