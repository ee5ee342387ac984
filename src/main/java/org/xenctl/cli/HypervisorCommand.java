package org.xenctl.cli;

import java.util.List;

import org.xenctl.domain.ConnectOptions;
import org.xenctl.render.View;
import org.xenctl.render.view.FleetView;
import org.xenctl.xlcfg.XlProblem;

/**
 * A verb that computes a {@link View}, against a hypervisor session unless {@link #needsSession} says otherwise;
 * {@link Invocation#run} opens the session, prints the view and returns the exit status, for a command line and for
 * a batch line alike. Failures are exceptions, turned into messages and exit statuses by {@link ErrorReporter}.
 */
abstract class HypervisorCommand extends VerbCommand {
    private Invocation invocation;
    private List<String> typed = List.of();

    /** Set by {@link Invocation#compute} before anything else is asked. */
    final void runIn(Invocation run) {
        this.invocation = run;
    }

    /** Set by {@link CommandLines#parse}: the words of the command line, as the audit trail records them. */
    final void typed(List<String> words) {
        this.typed = List.copyOf(words);
    }

    final List<String> typed() {
        return typed;
    }

    /**
     * Whether this run may change the host, and so is recorded in the audit trail: as the verb's row says, never
     * under -n/--dry-run; a command whose options make it only look (sched-credit without -w or -c) says so.
     */
    boolean changesHost() {
        return verb().changesHost() && !dryRun();
    }

    /** The global options, writers and host context this command runs with. */
    final Invocation invocation() {
        return invocation;
    }

    /** Prints a view now, as one line: for a command that streams results while it runs. */
    void renderNow(View view) {
        invocation.renderer().renderLine(view, invocation.out());
    }

    /** True for a command that prints a stream of results (JSON lines), its final view included. */
    boolean streams() {
        return false;
    }

    void warn(List<XlProblem> warnings) {
        invocation.warn(warnings);
    }

    /** As the verb's row says, unless the command's options decide otherwise. */
    ConnectOptions connectOptions() {
        return verb().access();
    }

    /** Refuses options that cannot go together, before any connection: once, however many hosts it runs on. */
    void checkOptions() {
    }

    /** @param session the open session, or null when {@link #needsSession} is false */
    abstract View execute(Session session);

    /**
     * The exit status of a successful result: a report can carry a verdict (pci-check refusing a device), and an
     * answer over several hosts says whether all answered (0), some (7) or none (6).
     */
    int exitStatus(View view) {
        if (view instanceof FleetView fleet) {
            return fleet.noneAnswered() ? ExitStatus.HOST : fleet.partial() ? ExitStatus.PARTIAL : ExitStatus.OK;
        }
        return ExitStatus.OK;
    }

    /** False for commands that work on files alone (config check) and under -n/--dry-run: no connection is opened. */
    boolean needsSession() {
        return verb().connects() && !dryRun();
    }
}
