package org.xenctl.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Supplier;

import org.xenctl.render.OutputFormat;
import org.xenctl.render.Printable;

/**
 * On a terminal, what a long wait awaits and for how long: after the first second, one line on stderr, redrawn in
 * place every second ("xenctl: waiting for web to shut off… 12 s", or with what can be measured of the work, "xenctl:
 * saving web to /srv/web.sav… 48 of about 128 MiB, 3 s") and erased when the wait ends. Nothing of the
 * kind when the output is not a terminal, under -q, or with -o json: scripts read stdout and exit statuses.
 */
final class WaitProgress implements AutoCloseable {
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final PrintWriter err;
    private final String what;
    private final Duration first;
    private final Duration every;
    private final Supplier<String> detail;
    private final Thread ticker;
    private boolean shown;
    private int width;

    private WaitProgress(PrintWriter err, String what, Supplier<String> detail, Duration first, Duration every) {
        this.err = err;
        this.what = what;
        this.detail = detail;
        this.first = first;
        this.every = every;
        this.ticker = new Thread(this::tick, "wait-progress");
        ticker.setDaemon(true);
    }

    /** Starts showing {@code what} ("waiting for web to shut off") where it belongs; a no-op elsewhere. */
    static WaitProgress start(Invocation invocation, String what) {
        return start(invocation, what, () -> null);
    }

    /** As {@link #start(Invocation, String)}, with {@code detail} asked at each redraw (null: nothing to add). */
    static WaitProgress start(Invocation invocation, String what, Supplier<String> detail) {
        boolean terminal = System.console() != null;
        return start(invocation.err(), what, detail, terminal && !invocation.quiet()
                && invocation.output() == OutputFormat.TEXT, FIRST, EVERY);
    }

    static WaitProgress start(PrintWriter err, String what, Supplier<String> detail, boolean show, Duration first,
                              Duration every) {
        WaitProgress progress = new WaitProgress(err, what, detail, first, every);
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
                String measured = measured();
                draw("xenctl: " + what + "… " + (measured == null ? "" : measured + ", ") + seconds + " s");
                Thread.sleep(every.toMillis());
            }
        } catch (InterruptedException e) {
            // the wait is over
        }
    }

    /** What {@code detail} says now; a failure to measure only leaves it out. */
    private String measured() {
        try {
            return detail.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private synchronized void draw(String text) {
        String line = Printable.of(text);
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
