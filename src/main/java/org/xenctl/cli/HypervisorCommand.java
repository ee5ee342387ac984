package org.xenctl.cli;

import java.util.concurrent.Callable;

import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;

/**
 * A command that runs against a hypervisor: it opens a session, computes a {@link View}, and the root's renderer
 * prints it. Failures are exceptions, turned into messages and exit statuses by {@link ErrorReporter}.
 */
abstract class HypervisorCommand extends OutputCommand implements Callable<Integer> {

    /** Read-write without events unless a command says otherwise. */
    ConnectOptions connectOptions() {
        return ConnectOptions.READ_WRITE;
    }

    abstract View execute(Session session);

    @Override
    public Integer call() {
        XenctlCommand root = root();
        try (Session session = root.context().sessions().open(root.connect(), connectOptions())) {
            render(execute(session));
        }
        return ExitStatus.OK;
    }
}
