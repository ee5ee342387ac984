package org.xenctl.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * A guest log as xenconsoled 4.17 writes it with --timestamp=guest: each line stamped, "Logfile Opened" where it
 * opened the log for a domain that appeared or reopened it. The domain's life is a flag here (the command asks
 * libvirt); the reading itself is on real files, grown, rotated and cut as xenconsoled and logrotate do.
 */
class GuestConsoleLogTest {
    private static final String T = "[2026-12-05 10:00:00] ";
    private static final Duration SHORT = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private Path log(String content) throws IOException {
        Path file = dir.resolve("guest-web.log");
        Files.writeString(file, content);
        return file;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    /** What the log gives until it has nothing more for now (0) or ends (-1, shown as "<end>"). */
    private static String drain(GuestConsoleLog log, int chunk) {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] into = new byte[chunk];
        while (true) {
            int read = log.read(into, SHORT);
            if (read == 0) {
                return seen.toString(StandardCharsets.UTF_8);
            }
            if (read < 0) {
                return seen.toString(StandardCharsets.UTF_8) + "<end>";
            }
            seen.write(into, 0, read);
        }
    }

    private static String drain(GuestConsoleLog log) {
        return drain(log, 8192);
    }

    @Test
    void history_begins_at_the_last_boot_and_loses_its_stamps() throws IOException {
        Path file = log(T + "Logfile Opened\n" + T + "first boot\n" + T + "Logfile Opened\n" + T
                + "Linux version 6.1\n" + T + "login: ");

        try (GuestConsoleLog log = GuestConsoleLog.fromLastBoot(file, () -> true)) {
            assertThat(drain(log)).isEqualTo("Linux version 6.1\nlogin: ");
            append(file, "root\n" + T + "# ");
            assertThat(drain(log)).isEqualTo("root\n# ");
        }
    }

    @Test
    void a_log_without_a_marker_is_read_whole_and_an_unstamped_marker_counts_too() throws IOException {
        try (GuestConsoleLog whole = GuestConsoleLog.fromLastBoot(log(T + "one\n" + T + "two\n"), () -> true)) {
            assertThat(drain(whole)).isEqualTo("one\ntwo\n");
        }
        // xenconsoled's "needs a stamp" flag is shared by all guests: a marker may come without one
        try (GuestConsoleLog bare = GuestConsoleLog.fromLastBoot(log("old\nLogfile Opened\nnew\n"), () -> true)) {
            assertThat(drain(bare)).isEqualTo("new\n");
        }
        // as the lab's guest leaves it: its shell's prompt, unfinished, then the next domain's marker, unstamped
        try (GuestConsoleLog prompt = GuestConsoleLog.fromLastBoot(log(T + "Logfile Opened\n" + T + "one\n" + T
                + "/ # \u001b[6nLogfile Opened\n" + T + "two\n"), () -> true)) {
            assertThat(drain(prompt)).isEqualTo("two\n");
        }
    }

    @Test
    void a_stamp_or_marker_written_in_two_parts_waits_for_the_second() throws IOException {
        Path file = log(T + "Logfile Opened\n");
        try (GuestConsoleLog log = GuestConsoleLog.fromLastBoot(file, () -> true)) {
            append(file, "[2026-12-05 10:0");
            assertThat(drain(log)).isEmpty();
            append(file, "0:01] ");
            assertThat(drain(log)).isEmpty();
            append(file, "Lo");
            assertThat(drain(log)).isEmpty();
            append(file, "gs are fine\n" + T + "[ok] ");
            assertThat(drain(log)).isEqualTo("Logs are fine\n[ok] ");
        }
    }

    @Test
    void a_prompt_that_only_looks_like_a_markers_beginning_is_given_out_after_a_moment() throws Exception {
        Path file = log(T + "Logfile Opened\n" + T + "Press L");
        try (GuestConsoleLog log = GuestConsoleLog.fromLastBoot(file, () -> true)) {
            assertThat(drain(log)).isEqualTo("Press ");
            Thread.sleep(400);
            assertThat(drain(log)).isEqualTo("L");
        }
    }

    @Test
    void the_next_boots_marker_ends_this_boot_and_nextBoot_goes_on_after_it() throws IOException {
        AtomicBoolean running = new AtomicBoolean(true);
        Path file = log(T + "Logfile Opened\n" + T + "login: ");
        try (GuestConsoleLog log = GuestConsoleLog.fromLastBoot(file, running::get)) {
            assertThat(drain(log)).isEqualTo("login: ");
            running.set(false);  // rebooted: a new domain, a new marker after the unfinished line
            append(file, T);
            assertThat(drain(log)).isEmpty();
            append(file, "Logfile");
            assertThat(drain(log)).isEmpty();
            append(file, " Opened\n" + T + "Linux version 6.1\n");
            assertThat(drain(log)).isEqualTo("<end>");
            assertThat(log.read(new byte[16], SHORT)).isEqualTo(-1);

            assertThat(log.nextBoot(() -> true)).isTrue();
            assertThat(drain(log)).isEqualTo("Linux version 6.1\n");
        }
    }

    @Test
    void a_marker_while_the_same_domain_runs_is_a_reopened_log_not_a_boot() throws IOException {
        Path file = log(T + "Logfile Opened\n" + T + "up\n");
        try (GuestConsoleLog log = GuestConsoleLog.fromLastBoot(file, () -> true)) {
            assertThat(drain(log)).isEqualTo("up\n");
            append(file, T + "Logfile Opened\n" + T + "still up\n");
            assertThat(drain(log)).isEqualTo("still up\n");
        }
    }

    @Test
    void a_stopped_domain_ends_after_its_last_words() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Path file = log(T + "Logfile Opened\n" + T + "going down\n");
        try (GuestConsoleLog log = GuestConsoleLog.fromLastBoot(file, running::get)) {
            assertThat(drain(log)).isEqualTo("going down\n");
            running.set(false);
            Thread.sleep(1100);  // past the next check of the domain
            assertThat(log.read(new byte[64], SHORT)).isZero();  // gone, but output may still come
            append(file, T + "reboot: Power down\n");
            StringBuilder rest = new StringBuilder();
            byte[] into = new byte[64];
            long limit = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            for (int read = 0; read >= 0 && System.nanoTime() < limit; read = log.read(into, SHORT)) {
                rest.append(new String(into, 0, read, StandardCharsets.UTF_8));
            }
            assertThat(rest).hasToString("reboot: Power down\n");
            assertThat(log.read(into, SHORT)).isEqualTo(-1);
            assertThat(log.nextBoot(() -> true)).isFalse();
        }
    }

    @Test
    void a_rotated_log_is_followed_into_the_new_file() throws IOException {
        Path file = log(T + "Logfile Opened\n" + T + "before\n");
        try (GuestConsoleLog log = GuestConsoleLog.fromLastBoot(file, () -> false)) {
            assertThat(drain(log)).isEqualTo("before\n");
            append(file, T + "late in the old file\n");
            Files.move(file, dir.resolve("guest-web.log.1"));
            Files.writeString(file, T + "Logfile Opened\n" + T + "after\n");  // xenconsoled's SIGHUP reopen
            assertThat(drain(log)).isEqualTo("late in the old file\nafter\n");
        }
    }

    @Test
    void a_log_cut_in_place_is_read_again_from_its_start() throws IOException {
        Path file = log(T + "Logfile Opened\n" + T + "a long line before the cut\n");
        try (GuestConsoleLog log = GuestConsoleLog.fromLastBoot(file, () -> false)) {
            assertThat(drain(log)).isEqualTo("a long line before the cut\n");
            Files.writeString(file, "");  // logrotate's copytruncate
            Files.writeString(file, T + "Logfile Opened\n" + T + "cut\n");
            assertThat(drain(log)).isEqualTo("cut\n");
        }
    }

    @Test
    void small_reads_give_the_same_text() throws IOException {
        StringBuilder content = new StringBuilder(T + "Logfile Opened\n");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            content.append(T).append("line ").append(i).append('\n');
            expected.append("line ").append(i).append('\n');
        }
        content.append(T).append("tail then [2026-12-05 10:00:01] Logfile Opened\n").append(T).append("next\n");
        expected.append("tail then ");
        AtomicBoolean running = new AtomicBoolean(true);
        Path file = log("");
        try (GuestConsoleLog log = GuestConsoleLog.fromLastBoot(file, running::get)) {
            append(file, content.toString());
            running.set(false);
            assertThat(drain(log, 3)).isEqualTo(expected + "<end>");
            log.nextBoot(() -> true);
            assertThat(drain(log, 3)).isEqualTo("next\n");
        }
    }

    @Test
    void the_last_marker_is_found_in_a_long_log_even_across_the_blocks_it_is_read_in() throws IOException {
        for (int offset = 64 * 1024 - 40; offset <= 64 * 1024 + 5; offset++) {
            StringBuilder before = new StringBuilder(T + "Logfile Opened\n");
            while (before.length() < offset) {
                before.append('x');
            }
            before.append('\n');
            String after = "y".repeat(64 * 1024 * 2 - offset) + "\n";
            Path file = log(before + T + "Logfile Opened\n" + T + "the last boot\n" + after);
            try (GuestConsoleLog log = GuestConsoleLog.fromLastBoot(file, () -> true)) {
                assertThat(drain(log)).as("marker near %d", offset).isEqualTo("the last boot\n" + after);
            }
        }
    }

    @Test
    void a_domain_without_a_log_is_refused_in_words() {
        assertThatThrownBy(() -> GuestConsoleLog.fromLastBoot(dir.resolve("guest-none.log"), () -> true))
                .isInstanceOfSatisfying(XenctlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
                    assertThat(e.getMessage()).contains("guest-none.log does not exist");
                });
    }
}
