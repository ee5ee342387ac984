package org.xenctl.cli;

import java.util.concurrent.Callable;

import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that runs against a hypervisor: it opens a session, computes a {@link View}, and the root's renderer
 * prints it. Failures are exceptions, turned into messages and exit statuses by {@link ErrorReporter}.
 */
abstract class HypervisorCommand implements Callable<Integer> {
    @ParentCommand
    XenctlCommand root;

    @Spec
    CommandSpec spec;

    /** Read-write without events unless a command says otherwise. */
    ConnectOptions connectOptions() {
        return ConnectOptions.READ_WRITE;
    }

    abstract View execute(Session session);

    @Override
    public Integer call() {
        try (Session session = root.context().sessions().open(root.connect(), connectOptions())) {
            View view = execute(session);
            root.renderer().render(view, spec.commandLine().getOut());
        }
        return ExitStatus.OK;
    }
}
