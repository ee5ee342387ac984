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
        try (WaitProgress progress = WaitProgress.start(err, "waiting for web to shut down", true,
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
    void a_short_wait_or_no_terminal_shows_nothing() throws Exception {
        StringWriter quick = new StringWriter();
        try (WaitProgress progress = WaitProgress.start(new PrintWriter(quick), "waiting", true,
                Duration.ofSeconds(5), Duration.ofSeconds(1))) {
            Thread.sleep(50);
        }
        StringWriter off = new StringWriter();
        try (WaitProgress progress = WaitProgress.start(new PrintWriter(off), "waiting", false,
                Duration.ofMillis(1), Duration.ofMillis(1))) {
            Thread.sleep(100);
        }
        Result script = Cli.onTestDriver("shutdown", "--wait", "--timeout", "10", "test");

        assertThat(quick.toString()).isEmpty();
        assertThat(off.toString()).isEmpty();
        assertThat(script.err()).as("not a terminal").isEmpty();
    }
}
