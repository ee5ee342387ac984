package org.xenctl.cli;

import java.io.PrintWriter;
import java.time.Duration;

import org.xenctl.render.OutputFormat;

/**
 * On a terminal, what a long wait awaits and for how long: after the first second, one line on stderr, redrawn in
 * place every second ("xenctl: waiting for web to shut off… 12 s") and erased when the wait ends. Nothing of the
 * kind when the output is not a terminal, under -q, or with -o json: scripts read stdout and exit statuses.
 */
final class WaitProgress implements AutoCloseable {
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final PrintWriter err;
    private final String what;
    private final Duration first;
    private final Duration every;
    private final Thread ticker;
    private boolean shown;
    private int width;

    private WaitProgress(PrintWriter err, String what, Duration first, Duration every) {
        this.err = err;
        this.what = what;
        this.first = first;
        this.every = every;
        this.ticker = new Thread(this::tick, "wait-progress");
        ticker.setDaemon(true);
    }

    /** Starts showing {@code what} ("waiting for web to shut off") where it belongs; a no-op elsewhere. */
    static WaitProgress start(Invocation invocation, String what) {
        boolean terminal = System.console() != null;
        return start(invocation.err(), what, terminal && !invocation.quiet()
                && invocation.output() == OutputFormat.TEXT, FIRST, EVERY);
    }

    static WaitProgress start(PrintWriter err, String what, boolean show, Duration first, Duration every) {
        WaitProgress progress = new WaitProgress(err, what, first, every);
        if (show) {
            progress.ticker.start();
        }
        return progress;
    }

    private void tick() {
        long started = System.nanoTime();
        try {
            Thread.sleep(first.toMillis());
            while (true) {
                long seconds = (System.nanoTime() - started) / 1_000_000_000L;
                draw("xenctl: " + what + "… " + seconds + " s");
                Thread.sleep(every.toMillis());
            }
        } catch (InterruptedException e) {
            // the wait is over
        }
    }

    private synchronized void draw(String line) {
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
        shown = true;
    }

    @Override
    public void close() {
        ticker.interrupt();
        try {
            ticker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (shown) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
            }
        }
    }
}
