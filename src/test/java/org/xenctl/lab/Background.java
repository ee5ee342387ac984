package org.xenctl.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A process left running while the test does something to it: what it printed so far, and how it ended. */
final class Background {
    private final String what;
    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    private Background(List<String> command) throws IOException {
        this.what = String.join(" ", command);
        this.process = Run.builder(command).start();
        process.getOutputStream().close();
        this.outReader = copy(process.getInputStream(), out);
        this.errReader = copy(process.getErrorStream(), err);
    }

    static Background start(List<String> command) {
        try {
            return new Background(command);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        }
    }

    /** Waits until what it printed on stdout satisfies {@code seen}; false when it ended or the time ran out first. */
    boolean awaitOut(Predicate<String> seen, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!seen.test(out.toString())) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                return seen.test(out.toString());
            }
            Thread.sleep(200);
        }
        return true;
    }

    /** Waits for its end; a process still running after {@code limit} is killed and fails the test. */
    Run finish(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(what + ": still running after " + limit.toSeconds() + " s\n  stdout: " + out
                    + "\n  stderr: " + err);
        }
        outReader.join(5000);
        errReader.join(5000);
        return new Run(what, process.exitValue(), out.toString(), err.toString());
    }

    /** Sends it SIGINT, as Ctrl-C at a terminal would. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    }

    /** Kills it if it still runs (for a finally block). */
    void stop() {
        process.destroyForcibly();
    }

    private static Thread copy(InputStream stream, StringBuffer into) {
        Thread reader = new Thread(() -> {
            char[] buffer = new char[4096];
            try (var text = new java.io.InputStreamReader(stream, StandardCharsets.UTF_8)) {
                for (int n; (n = text.read(buffer)) > 0; ) {
                    into.append(buffer, 0, n);
                }
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        }, "background-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
