package org.xenctl.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.OutputFormat;
import org.xenctl.render.View;
import org.xenctl.xlcfg.XlProblem;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that computes a {@link View} (against a hypervisor session unless {@link #needsSession} says
 * otherwise), which the root's renderer prints; `batch` runs the same {@link #execute}. Failures are exceptions,
 * turned into messages and exit statuses by {@link ErrorReporter}.
 */
abstract class HypervisorCommand implements Callable<Integer>, Declared {
    private Declaration declaration;
    private CommandSpec spec;
    /** Where the command runs when the quick parser parsed its line; null when picocli did. */
    private QuickRun quickRun;

    /** The command's name, description, options and parameters, bound to its fields. */
    abstract Declaration declare();

    final Declaration declaration() {
        if (declaration == null) {
            declaration = declare();
        }
        return declaration;
    }

    @Override
    public final CommandSpec spec() {
        if (spec == null) {
            spec = declaration().spec();
        }
        return spec;
    }

    /** The root command, whose global options apply (also to commands nested under a group such as `config`). */
    XenctlCommand root() {
        return quickRun != null ? quickRun.root() : (XenctlCommand) spec.root().userObject();
    }

    private PrintWriter out() {
        return quickRun != null ? quickRun.out() : spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return quickRun != null ? quickRun.err() : spec.commandLine().getErr();
    }

    /**
     * Runs this command, its line parsed by {@link QuickParser} into it and {@code run}'s root: what picocli's
     * execute does, a failure reported as its exception handler ({@link ErrorReporter}) reports it.
     */
    final int runQuickly(QuickRun run) {
        quickRun = run;
        try {
            return call();
        } catch (Exception e) {
            return ErrorReporter.report(ErrorReporter.asFailure(e), run.root().output(), run.root().verbose(),
                    run.err());
        }
    }

    void render(View view) {
        if (streams()) {
            root().renderer().renderLine(view, out());
        } else {
            root().renderer().render(view, out());
        }
    }

    /** True for a command that prints a stream of results (JSON lines), its final view included. */
    boolean streams() {
        return false;
    }

    /** Prints config warnings to stderr in text mode; JSON output carries them in the result instead. */
    void warn(List<XlProblem> warnings) {
        if (root().output() == OutputFormat.TEXT) {
            ProblemText.print(warnings, err());
        }
    }

    /** Read-write without events unless a command says otherwise. */
    ConnectOptions connectOptions() {
        return ConnectOptions.READ_WRITE;
    }

    /** @param session the open session, or null when {@link #needsSession} is false */
    abstract View execute(Session session);

    /** The exit status of a successful result: a report can carry a verdict (pci-check refusing a device). */
    int exitStatus(View view) {
        return ExitStatus.OK;
    }

    @Override
    public boolean connects() {
        return true;
    }

    /** False for commands that work on files alone (config check, create --dry-run…): no connection is opened. */
    boolean needsSession() {
        return true;
    }

    @Override
    public Integer call() {
        View view;
        if (!needsSession()) {
            view = execute(null);
            render(view);
            return exitStatus(view);
        }
        XenctlCommand root = root();
        try (Session session = root.context().sessions().open(root.connect(), connectOptions())) {
            view = execute(session);
            render(view);
        }
        return exitStatus(view);
    }
}
