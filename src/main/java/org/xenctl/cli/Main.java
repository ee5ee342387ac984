package org.xenctl.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The process entry point: the only place that exits. */
public final class Main {
    private Main() {
    }

    /**
     * picocli's documented switch for its built-in converters that it finds by reflection: those for java.sql and
     * java.time load dozens of JDK classes in every run, and no xenctl option has those types (timeouts are seconds,
     * converted by {@link Seconds}).
     */
    private static final String CONVERTERS_NOT_NEEDED = "java\\.sql\\..*,java\\.time\\..*";

    public static void main(String[] args) {
        boolean connects = Verbs.connects(args);
        if (connects) {
            // Before anything else, even the context: libvirt loads beside all that follows.
            LibvirtSessions.loadAhead();
        }
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", CONVERTERS_NOT_NEEDED);
        }
        Interrupts.install(Thread.currentThread());
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = run(args, connects, Context.of(System.getenv()), out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one command line; what tests call, with their own context and writers. */
    public static int run(String[] args, Context context, PrintWriter out, PrintWriter err) {
        return run(args, Verbs.connects(args), context, out, err);
    }

    private static int run(String[] args, boolean connects, Context context, PrintWriter out, PrintWriter err) {
        if (connects) {
            // First thing: libvirt loads on other threads while the command line is parsed.
            context.sessions().expect();
        }
        Integer quick = QuickRun.run(args, context, out, err);
        return quick != null ? quick : CommandLineFactory.create(args, context, out, err).execute(args);
    }
}
