package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;

/** The progress line of long waits: drawn in place on a terminal, erased at the end, absent elsewhere. */
class WaitProgressTest {

    @Test
    void a_long_wait_shows_what_it_awaits_redrawn_in_place_and_erased_at_the_end() throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text);
        try (WaitProgress progress = WaitProgress.start(err, "waiting for web to shut down", () -> null, true,
                Duration.ofMillis(50), Duration.ofMillis(50))) {
            Thread.sleep(400);
        }
        String shown = text.toString();

        assertThat(shown).startsWith("\rxenctl: waiting for web to shut down… 0 s");
        assertThat(shown.split("\r", -1).length).as("redrawn several times").isGreaterThan(4);
        assertThat(shown).endsWith("\r" + " ".repeat("xenctl: waiting for web to shut down… 0 s".length()) + "\r");
        assertThat(shown).doesNotContain("\n");
    }

    @Test
    void what_can_be_measured_of_the_work_is_shown_and_a_failed_measure_left_out() throws Exception {
        StringWriter text = new StringWriter();
        int[] turns = {0};
        try (WaitProgress progress = WaitProgress.start(new PrintWriter(text), "saving web to /srv/web.sav", () -> {
            if (turns[0]++ % 2 == 1) {
                throw new IllegalStateException("the file went away");
            }
            return HostPaths.written(50L * 1024 * 1024, 131072);
        }, true, Duration.ofMillis(50), Duration.ofMillis(50))) {
            Thread.sleep(400);
        }

        assertThat(text.toString()).startsWith("\rxenctl: saving web to /srv/web.sav… 50 of about 128 MiB written, 0 s");
        assertThat(text.toString()).contains("\rxenctl: saving web to /srv/web.sav… 0 s");
        assertThat(HostPaths.written(null, 131072)).as("before the file exists").isNull();
    }

    @Test
    void a_short_wait_or_no_terminal_shows_nothing() throws Exception {
        StringWriter quick = new StringWriter();
        try (WaitProgress progress = WaitProgress.start(new PrintWriter(quick), "waiting", () -> null, true,
                Duration.ofSeconds(5), Duration.ofSeconds(1))) {
            Thread.sleep(50);
        }
        StringWriter off = new StringWriter();
        try (WaitProgress progress = WaitProgress.start(new PrintWriter(off), "waiting", () -> null, false,
                Duration.ofMillis(1), Duration.ofMillis(1))) {
            Thread.sleep(100);
        }
        Result script = Cli.onTestDriver("shutdown", "--wait", "--timeout", "10", "test");

        assertThat(quick.toString()).isEmpty();
        assertThat(off.toString()).isEmpty();
        assertThat(script.err()).as("not a terminal").isEmpty();
    }
}
