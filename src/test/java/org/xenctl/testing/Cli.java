package org.xenctl.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.xenctl.cli.Context;
import org.xenctl.cli.Main;

/** Runs the real command line in-process, against real libvirt, and captures what it prints. */
public final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cli() {
    }

    /** Runs with an empty environment, so that no URI leaks in from the machine. */
    public static Result run(String... args) {
        return runWith(Map.of(), args);
    }

    /** The commands' audit records go nowhere unless a test asks for them: not into the log of the machine. */
    public static Result runWith(Map<String, String> environment, String... args) {
        Map<String, String> quiet = new java.util.HashMap<>(environment);
        quiet.putIfAbsent("XENCTL_SYSLOG_SOCKET", "/nonexistent/xenctl-tests/log");
        return runIn(Context.of(quiet), args);
    }

    /** Runs against the shared in-process test driver (-c test:///default first), as most CLI tests do. */
    public static Result onTestDriver(String... args) {
        return onTestDriverIn(Context.of(Map.of()), args);
    }

    /** Runs against the shipped demo host (examples/demo-host.xml: running, paused and shut-off domains). */
    public static Result onDemoHost(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = TestDriver.demoHost();
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }

    /** The same, with a host context of the test's (a sysfs-shaped tree). */
    public static Result onTestDriverIn(Context context, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = TestDriver.DEFAULT;
        System.arraycopy(args, 0, all, 2, args.length);
        return runIn(context, all);
    }

    public static Result runIn(Context context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, context, new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    /** What a command printed and how it ended. */
    public record Result(int exit, String out, String err) {
        public JsonNode json() {
            return parse(out);
        }

        public JsonNode errorJson() {
            return parse(err);
        }

        public static JsonNode parse(String text) {
            try {
                return JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not valid JSON: " + text, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
