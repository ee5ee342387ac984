package org.xenctl.cli;

import java.io.PrintWriter;
import java.util.List;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.OutputFormat;
import org.xenctl.render.Renderer;
import org.xenctl.render.View;
import org.xenctl.xlcfg.XlProblem;
import org.xenctl.render.Printable;

/**
 * One run of a verb: the global options it was given, where its results and diagnostics go, and what the host
 * offers ({@link Context}). Built the same way for a command line ({@link Main}), for each line of a batch, and by
 * tests; {@link #run} is the one path from a parsed command to its output and exit status.
 *
 * @param hosts the -c URIs and -H groups; none for the defaults chain
 */
record Invocation(HostSelection hosts, OutputFormat output, boolean headers, boolean quiet, boolean verbose,
                  Context context, PrintWriter out, PrintWriter err) {

    /** Another run with the same options and writers, on {@code other} (a batch's shared session). */
    Invocation in(Context other) {
        return new Invocation(hosts, output, headers, quiet, verbose, other, out, err);
    }

    /** The -c URI of a single-host run, or null for the defaults chain. */
    String connect() {
        return hosts.single();
    }

    Renderer renderer() {
        return new Renderer(output, headers, quiet);
    }

    /** Computes the command's view (opening its session if it needs one), prints it, and returns the exit status. */
    int run(HypervisorCommand command) {
        View view = compute(command);
        if (command.streams()) {
            renderer().renderLine(view, out);
        } else {
            renderer().render(view, out);
        }
        return command.exitStatus(view);
    }

    /** The command's view, its session opened and closed around it: what {@link #run} prints and a batch line wraps. */
    View compute(HypervisorCommand command) {
        command.runIn(this);
        command.checkOptions();
        if (hosts.isFleet()) {
            if (command instanceof FleetRounds rounds) {
                return rounds.executeOnAll(hosts.resolve(context.defaults()));
            }
            if (command instanceof FleetCommand fleet) {
                return FleetRun.onEveryHost(this, command, fleet, hosts.resolve(context.defaults()));
            }
            if (command.namedDomain() == null) {
                throw new XenctlException(ErrorCode.USAGE, command.verb().name() + " works on one host: give one "
                        + "-c URI and no -H", "list, host-info, events and stats take several hosts; a verb that "
                        + "names a domain runs on the host that has it");
            }
            String host = FleetRun.hostOf(this, command.namedDomain(), hosts.resolve(context.defaults()),
                    command.changesHost());
            return new Invocation(HostSelection.of(host), output, headers, quiet, verbose, context, out, err)
                    .compute(command);
        }
        if (!command.changesHost()) {
            return execute(command);
        }
        View view;
        try {
            view = execute(command);
        } catch (RuntimeException e) {
            XenctlException failure = ErrorReporter.asFailure(e);
            audit(command, ExitStatus.of(failure.code().kind()), failure.code().code());
            throw e;
        }
        int status = command.exitStatus(view);
        audit(command, status, status == ExitStatus.OK ? "ok" : "failed");
        return view;
    }

    private View execute(HypervisorCommand command) {
        if (!command.needsSession()) {
            return command.execute(null);
        }
        try (Session session = context.sessions().open(connect(), command.connectOptions())) {
            return command.execute(session);
        }
    }

    /** The audit record of a command that may have changed the host; a record that could not be written is said. */
    private void audit(HypervisorCommand command, int status, String outcome) {
        context.audit().record(command.typed(), target(), status, outcome).ifPresent(problem -> {
            err.println("xenctl: warning: " + Printable.of(problem));
            err.flush();
        });
    }

    /**
     * The URI this run reaches: -c, else what the defaults chain gives ($XENCTL_DEFAULT_URI, the config file…),
     * so that a remote default is never mistaken for this machine; null when none is configured.
     */
    String target() {
        return context.sessions().uriFor(connect());
    }

    /** Whether that is this machine, whose sysfs the PCI host commands may then read and write. */
    boolean reachesThisMachine() {
        return LocalHostOnly.isLocal(target());
    }

    /** Config warnings on stderr in text mode; JSON output carries them in the result instead. */
    void warn(List<XlProblem> warnings) {
        if (output == OutputFormat.TEXT) {
            Problems.print(warnings, err);
        }
    }
}
