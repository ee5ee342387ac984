package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ConnectOptions;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/** xenctl.conf: defaults for the global options, the command line winning, warnings and errors with their line. */
class ConfigFileTest {
    @TempDir
    Path dir;

    private Map<String, String> withConfig(String text) throws Exception {
        Path conf = dir.resolve("xenctl.conf");
        Files.writeString(conf, text);
        return Map.of("XENCTL_CONFIG", conf.toString());
    }

    @Test
    void output_in_the_file_is_the_default_and_the_command_line_wins() throws Exception {
        Map<String, String> env = withConfig("uri_default = \"" + TestDriver.DEFAULT + "\"\noutput = \"json\"\n");
        Result json = Cli.runWith(env, "list");
        assertThat(json.exit()).as(json.toString()).isZero();
        assertThat(json.json().get("domains").findValuesAsText("name")).containsExactly("test");

        Result text = Cli.runWith(env, "list", "-o", "text");
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.out()).startsWith("Name");

        // A usage error, too, comes in the configured format.
        Result usage = Cli.runWith(env, "list", "--no-such-option");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).startsWith("{");
    }

    @Test
    void the_lines_of_a_batch_take_the_file_default_too() throws Exception {
        Path lines = dir.resolve("lines");
        Files.writeString(lines, "domid test\n");
        Result r = Cli.runWith(withConfig("output = \"json\"\n"), "-c", TestDriver.DEFAULT, "batch", lines.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("{\"line\":1,").contains("\"exit_status\":0");
    }

    @Test
    void an_unknown_key_is_warned_once_on_stderr_with_its_line_and_the_command_runs() throws Exception {
        Map<String, String> env = withConfig("# site defaults\nouptut = \"json\"\n");
        Result r = Cli.runWith(env, "-c", TestDriver.DEFAULT, "-o", "json", "domid", "test");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("id").asInt()).isPositive();
        assertThat(r.err()).isEqualTo("xenctl: warning: " + dir.resolve("xenctl.conf")
                + ":2: unknown key 'ouptut' (did you mean 'output'?), ignored\n");
    }

    @Test
    void a_broken_file_stops_commands_with_exit_5_but_not_help_or_version() throws Exception {
        Map<String, String> env = withConfig("output = \"yaml\"\n");
        Result list = Cli.runWith(env, "-c", TestDriver.DEFAULT, "list");
        assertThat(list.exit()).isEqualTo(5);
        assertThat(list.err()).startsWith("xenctl: error: " + dir.resolve("xenctl.conf")
                + ":1: output must be \"text\" or \"json\", not \"yaml\"").contains("XENCTL_CONFIG=/dev/null");
        assertThat(Cli.runWith(env, "--version").exit()).isZero();
        assertThat(Cli.runWith(env, "list", "--help").exit()).isZero();
        assertThat(Cli.runWith(Map.of("XENCTL_CONFIG", "/dev/null"), "-c", TestDriver.DEFAULT, "list").exit())
                .isZero();
    }

    @Test
    void a_file_named_by_xenctl_config_that_does_not_exist_is_warned_of() {
        Path absent = dir.resolve("absent.conf");
        Result r = Cli.runWith(Map.of("XENCTL_CONFIG", absent.toString()), "-c", TestDriver.DEFAULT, "domid", "test");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains(absent + ": no such file (named by XENCTL_CONFIG)");
    }

    @Test
    void the_connect_timeout_comes_from_the_environment_then_the_file_then_30_seconds() throws Exception {
        Map<String, String> file = withConfig("connect_timeout = 7\n");
        assertThat(new ConfiguredDefaults(file).connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        Map<String, String> both = new java.util.HashMap<>(file);
        both.put("XENCTL_CONNECT_TIMEOUT", "3");
        assertThat(new ConfiguredDefaults(both).connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(new ConfiguredDefaults(Map.of("XENCTL_CONFIG", "/dev/null")).connectTimeout())
                .isEqualTo(ConnectOptions.DEFAULT_CONNECT_TIMEOUT);
    }

    @Test
    void a_connect_timeout_in_the_environment_that_is_not_whole_seconds_is_refused_not_replaced() {
        for (String value : new String[] {"5s", "abc", "0", " 5", "86401", "99999999999"}) {
            Result r = Cli.runWith(Map.of("XENCTL_CONNECT_TIMEOUT", value), "-c", TestDriver.DEFAULT, "domid", "test");
            assertThat(r.exit()).as(value).isEqualTo(2);
            assertThat(r.err()).as(value).startsWith("xenctl: error: XENCTL_CONNECT_TIMEOUT must be a whole number of "
                    + "seconds from 1 to 86400, not '" + value + "'");
        }
        assertThat(Cli.runWith(Map.of("XENCTL_CONNECT_TIMEOUT", ""), "-c", TestDriver.DEFAULT, "domid", "test").exit())
                .isZero();
        // Commands that connect nowhere do not read it.
        assertThat(Cli.runWith(Map.of("XENCTL_CONNECT_TIMEOUT", "5s"), "config", "check",
                TestDriver.repositoryFile("examples/guest-pv.cfg").toString()).exit()).isZero();
    }
}
