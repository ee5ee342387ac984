package org.xenctl.cli;

import java.util.concurrent.Callable;

import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;

/**
 * A command that computes a {@link View} (against a hypervisor session unless {@link #needsSession} says
 * otherwise), which the root's renderer prints; `batch` runs the same {@link #execute}. Failures are exceptions,
 * turned into messages and exit statuses by {@link ErrorReporter}.
 */
abstract class HypervisorCommand extends OutputCommand implements Callable<Integer> {

    /** Read-write without events unless a command says otherwise. */
    ConnectOptions connectOptions() {
        return ConnectOptions.READ_WRITE;
    }

    /** @param session the open session, or null when {@link #needsSession} is false */
    abstract View execute(Session session);

    /** False for commands that work on files alone (config check, create --dry-run…): no connection is opened. */
    boolean needsSession() {
        return true;
    }

    @Override
    public Integer call() {
        if (!needsSession()) {
            render(execute(null));
            return ExitStatus.OK;
        }
        XenctlCommand root = root();
        try (Session session = root.context().sessions().open(root.connect(), connectOptions())) {
            render(execute(session));
        }
        return ExitStatus.OK;
    }
}
