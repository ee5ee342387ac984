package org.xenctl.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The process entry point: the only place that exits. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Interrupts.install(Thread.currentThread());
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = run(args, Context.of(System.getenv()), out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one command line; what tests call, with their own context and writers. */
    public static int run(String[] args, Context context, PrintWriter out, PrintWriter err) {
        if (Verbs.connects(args)) {
            // First thing: libvirt loads on another thread while picocli builds and parses the command line.
            context.sessions().expect();
        }
        return CommandLineFactory.create(args, context, out, err).execute(args);
    }
}
