package org.xenctl.cli;

import java.util.List;

import org.xenctl.render.View;
import org.xenctl.render.view.FleetHostInfoView;
import org.xenctl.render.view.FleetView;
import org.xenctl.render.view.HostInfoView;

/**
 * host-info: xl info's host facts (and virsh nodeinfo's and capabilities'), as libvirt tells them; over several
 * hosts, each one's CPUs and memory in a table with the fleet's totals.
 */
final class HostInfoCommand extends HypervisorCommand implements FleetCommand {

    @Override
    void declare(Declaration declaration) {
        // no options of its own
    }

    @Override
    View execute(Session session) {
        return HostInfoView.of(session.hypervisor().hostInfo());
    }

    @Override
    public View executeOn(Session session, String uri) {
        return execute(session);
    }

    @Override
    public View merge(List<HostAnswer> answers) {
        return new FleetHostInfoView(answers.stream().map(answer -> new FleetView.Host<>(answer.uri(),
                (HostInfoView) answer.view(), answer.answered() ? null : ErrorReporter.errorView(answer.failure())
                .error())).toList());
    }
}
