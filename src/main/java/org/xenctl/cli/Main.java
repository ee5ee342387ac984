package org.xenctl.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.xenctl.domain.XenctlException;
import org.xenctl.render.OutputFormat;
import org.xenctl.render.Printable;
import picocli.CommandLine.ParameterException;

/** The process entry point: the only place that exits. */
public final class Main {
    private Main() {
    }

    /**
     * picocli's documented switch for its built-in converters that it finds by reflection: those for java.sql and
     * java.time load dozens of JDK classes in every run, and no xenctl option has those types (timeouts are seconds,
     * converted by {@link Seconds}). One pattern, not two: picocli compiles each pattern again for each of ~20
     * converters of each command line it builds.
     */
    private static final String CONVERTERS_NOT_NEEDED = "java\\.(sql|time)\\..*";
    /**
     * picocli's documented switch for Groovy closures in annotations: without it, the first command model looks for
     * groovy.lang.Closure, and that failed class lookup opens and indexes the ~2000-entry jar on the main thread
     * (~8 ms) before anything is parsed. xenctl has neither Groovy nor annotations.
     */
    private static final String NO_CLOSURES = "picocli.disable.closures";

    public static void main(String[] args) {
        // The environment first: JNA reads it too when it starts, and a thread that waits for another to finish
        // initialising the JDK's copy of it waited ~10 ms when the two cores were busy.
        Map<String, String> environment = System.getenv();
        boolean connects = Verbs.connects(args);
        if (connects) {
            // Before anything else, even the context: libvirt loads beside all that follows.
            LibvirtSessions.loadAhead();
        }
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", CONVERTERS_NOT_NEEDED);
        }
        if (System.getProperty(NO_CLOSURES) == null) {
            System.setProperty(NO_CLOSURES, "true");
        }
        Interrupts.install(Thread.currentThread());
        // Standard output through StandardOutput, which ends the command when it cannot be written.
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(StandardOutput.ofProcess(),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = run(args, connects, Context.of(environment), out, err);
        try {
            out.flush();  // what a failed command printed before it failed (run flushes on success)
        } catch (XenctlException e) {
            // Its status is decided: what cannot be written now is lost with it.
        }
        err.flush();
        System.exit(status);
    }

    /** Runs one command line; what tests call, with their own context and writers. */
    public static int run(String[] args, Context context, PrintWriter out, PrintWriter err) {
        return run(args, Verbs.connects(args), context, out, err);
    }

    /** What in xenctl.conf was ignored, once per process: on stderr, so that JSON on stdout stays whole. */
    private static void warnAbout(ConfiguredDefaults defaults, PrintWriter err) {
        for (String warning : defaults.warnings()) {
            err.println("xenctl: warning: " + Printable.of(warning));
        }
        err.flush();
    }

    /** Parse, run, report: every failure, of the line or of the run, ends in {@link ErrorReporter}. */
    private static int run(String[] args, boolean connects, Context context, PrintWriter out, PrintWriter err) {
        if (connects) {
            // First thing: libvirt loads on other threads while the command line is parsed.
            context.sessions().expect();
        }
        XenctlCommand root = new XenctlCommand();
        try {
            HypervisorCommand verb = CommandLines.parse(root, args, out, err);
            int status = ExitStatus.OK;
            if (verb != null) {
                warnAbout(context.defaults(), err);
                status = root.invocation(context, out, err).run(verb);
            }
            out.flush();  // here, so that output that cannot be written decides the status
            return status;
        } catch (ParameterException e) {
            OutputFormat asked = XenctlCommand.askedOutput(args);
            return ErrorReporter.report(e, asked != null ? asked : context.defaults().outputOrText(), false, err);
        } catch (RuntimeException e) {
            Invocation parsed = root.withOutputIfUnset(context.defaults().outputOrText()).invocation(context, out, err);
            return ErrorReporter.report(e, parsed.output(), parsed.verbose(), err);
        }
    }
}
