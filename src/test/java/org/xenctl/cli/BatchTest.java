package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/** batch: many commands over one connection, so even the test driver's custom hosts keep their state. */
class BatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path script(String... lines) throws Exception {
        Path file = dir.resolve("commands.batch");
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void the_shipped_tour_runs_clean_on_the_demo_host() {
        Result r = Cli.run("-c", TestDriver.demoHost(), "batch",
                TestDriver.repositoryFile("examples/demo-tour.batch").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Domain build started.").contains("Domain db has shut down.")
                .contains("Domain build is already shut off.")
                .contains("examples/guest-pv.cfg: valid.", "Domain guest-pv created from examples/guest-pv.cfg.",
                        "memory = 768")
                .endsWith("batch: 15 commands, 15 succeeded, 0 failed\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void state_carries_from_line_to_line() throws Exception {
        Result r = Cli.run("-c", TestDriver.demoHost(), "-o", "json", "batch",
                script("start build", "list build").toString());
        List<JsonNode> lines = jsonLines(r.out());
        assertThat(lines.get(1).get("result").get("domains").get(0).get("state").asText()).isEqualTo("running");
    }

    @Test
    void failures_are_reported_per_line_and_the_batch_carries_on() throws Exception {
        Result r = Cli.run("-c", TestDriver.demoHost(), "batch",
                script("# comment", "", "pause web", "pause nosuch", "destroy 'db'", "pause build").toString());
        assertThat(r.exit()).as("the first failure's status").isEqualTo(3);
        assertThat(r.out()).contains("Domain web paused.").contains("Domain db destroyed.")
                .endsWith("batch: 4 commands, 2 succeeded, 2 failed\n");
        assertThat(r.err()).contains("line 4: xenctl: error: domain 'nosuch' not found")
                .contains("line 6: xenctl: error: cannot pause domain build: it is shut off");
    }

    @Test
    void a_line_is_parsed_as_a_command_line_is_help_usage_errors_and_no_batch_inside_a_batch() throws Exception {
        Result r = Cli.run("-c", TestDriver.demoHost(), "batch",
                script("pause --help", "list --bogus", "batch other.batch", "-q", "config").toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("Usage: xenctl pause").endsWith("batch: 5 commands, 1 succeeded, 4 failed\n");
        assertThat(r.err()).contains("line 2: xenctl: error: Unknown option: '--bogus'")
                .contains("line 3: xenctl: error: 'batch' cannot run inside a batch")
                .contains("line 4: xenctl: error: a command is required")
                .contains("line 5: xenctl: error: a subcommand is required");
    }

    @Test
    void a_backslash_at_the_end_of_a_line_continues_the_command_as_in_a_shell() throws Exception {
        Result r = Cli.run("-c", TestDriver.demoHost(), "-o", "json", "batch", script("list \\", "    --all \\",
                "    --columns name,state", "pause 'we\\", "b'", "list a\\\\", "domid web \\").toString());
        List<JsonNode> lines = jsonLines(r.out());
        // A quoted backslash is a character ('we\' and b' are two commands, each with an open quote), an escaped
        // one ends no line (a\\ is the name a\), the last line's has nothing to join.
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("command").asText()).isEqualTo("list --all --columns name,state");
        assertThat(lines.get(0).get("exit_status").asInt()).isZero();
        assertThat(lines.get(0).get("result").get("domains").findValuesAsText("name")).contains("build", "db");
        assertThat(lines.get(1).get("line").asInt()).isEqualTo(4);
        assertThat(lines.get(1).get("exit_status").asInt()).isEqualTo(2);  // 'we\ : unterminated quote
        assertThat(lines.get(2).get("line").asInt()).isEqualTo(5);
        assertThat(lines.get(3).get("line").asInt()).isEqualTo(6);
        assertThat(lines.get(3).get("exit_status").asInt()).isEqualTo(3);  // no domain a\
        assertThat(lines.get(4).get("line").asInt()).isEqualTo(7);
        assertThat(lines.get(4).get("command").asText()).isEqualTo("domid web");
        assertThat(lines.get(4).get("exit_status").asInt()).isZero();
    }

    @Test
    void stop_on_error_stops_at_the_first_failure() throws Exception {
        Result r = Cli.run("-c", TestDriver.demoHost(), "batch", "--stop-on-error",
                script("pause nosuch", "destroy db").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).doesNotContain("destroyed").endsWith("batch: 1 commands, 0 succeeded, 1 failed\n");
    }

    @Test
    void json_mode_prints_one_object_per_command_then_a_summary() throws Exception {
        Result r = Cli.run("-c", TestDriver.demoHost(), "-o", "json", "batch",
                script("pause web", "info nosuch", "list --bogus", "unpause web").toString());
        List<JsonNode> lines = jsonLines(r.out());
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("exit_status").asInt()).isZero();
        assertThat(lines.get(0).get("result").get("state").asText()).isEqualTo("paused");
        assertThat(lines.get(0).get("error").isNull()).isTrue();
        assertThat(lines.get(1).get("exit_status").asInt()).isEqualTo(3);
        assertThat(lines.get(1).get("error").get("code").asText()).isEqualTo("domain-not-found");
        assertThat(lines.get(1).get("result").isNull()).isTrue();
        assertThat(lines.get(2).get("exit_status").asInt()).isEqualTo(2);
        assertThat(lines.get(3).get("result").get("changed").asBoolean()).isTrue();
        assertThat(lines.get(4).get("summary").get("failed").asInt()).isEqualTo(2);
        assertThat(lines.get(4).get("summary").get("succeeded").asInt()).isEqualTo(2);
    }

    @Test
    void a_missing_batch_file_exits_5() {
        Result r = Cli.run("-c", TestDriver.DEFAULT, "batch", dir.resolve("none.batch").toString());
        assertThat(r.exit()).isEqualTo(5);
        assertThat(r.err()).contains("none.batch: no such file");
    }

    @Test
    void a_batch_that_is_not_text_or_too_large_exits_5_saying_why_before_running_anything() throws Exception {
        // /dev/zero filled the heap (OutOfMemoryError, a stack trace and exit 1); a bad byte said "Input length = 1".
        Result endless = Cli.run("-c", TestDriver.DEFAULT, "batch", "/dev/zero");
        Path latin1 = dir.resolve("latin1.batch");
        Files.write(latin1, new byte[] {'p', 'a', 'u', 's', 'e', ' ', 't', 'e', 's', 't', '\n', 'i', 'n', 'f', 'o',
            ' ', 'c', 'a', 'f', (byte) 0xe9, '\n'});
        Result notUtf8 = Cli.run("-c", TestDriver.DEFAULT, "batch", latin1.toString());

        assertThat(endless.exit()).as(endless.toString()).isEqualTo(5);
        assertThat(endless.err()).contains("/dev/zero is larger than 16 MiB: not a batch of commands");
        assertThat(notUtf8.exit()).as(notUtf8.toString()).isEqualTo(5);
        assertThat(notUtf8.err()).contains("latin1.batch:2:9: the file is not UTF-8 text (byte 0xe9)");
        assertThat(notUtf8.out()).as("not even its first line ran").isEmpty();
    }

    @Test
    void a_word_of_megabytes_is_no_verb_without_comparing_it_to_every_verb() throws Exception {
        // Suggesting a verb like it once took a table of its length times each verb's: 50 MB needed gigabytes.
        Path huge = dir.resolve("huge.batch");
        Files.writeString(huge, "x".repeat(8 * 1024 * 1024) + "\n");
        Result r = Cli.run("-c", TestDriver.DEFAULT, "batch", huge.toString());

        assertThat(r.exit()).as(r.err().substring(0, 200)).isEqualTo(2);
        assertThat(r.err()).contains("is not a xenctl verb");
    }

    @Test
    void quoting_follows_the_shell() {
        assertThat(ShellWords.split("rename 'my guest' \"new \\\"name\\\"\" plain\\ word"))
                .containsExactly("rename", "my guest", "new \"name\"", "plain word");
        assertThat(ShellWords.split("  list   -a  ")).containsExactly("list", "-a");
        assertThat(ShellWords.split("info ''")).containsExactly("info", "");
    }

    static List<JsonNode> jsonLines(String out) {
        return out.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }
}
