package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/** Usage errors, connection errors and the URI defaults: one clear line on stderr, the documented status. */
class ErrorsTest {
    @TempDir
    Path dir;

    @Test
    void every_command_has_help_where_the_usage_hint_points() {
        Result list = Cli.run("list", "--help");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).startsWith("Usage: xenctl list");
        Result check = Cli.run("config", "check", "-h");
        assertThat(check.exit()).as(check.toString()).isZero();
        assertThat(check.out()).startsWith("Usage: xenctl config check").contains("--compat");
    }

    @Test
    void an_empty_file_name_is_a_usage_error() {
        // Path.of("") is the working directory: "config check ''" said " is not a regular file", "batch ''"
        // "cannot read : Is a directory" (found by random batches)
        for (String[] line : new String[][] {{"config", "check", ""}, {"config", "convert", ""}, {"define", ""},
                {"create", ""}, {"batch", ""}}) {
            Result r = Cli.onTestDriver(line);
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).startsWith("xenctl: error: the file name is empty\n");
        }
    }

    @Test
    void an_unknown_domain_exits_3_with_one_line_naming_it() {
        Result r = Cli.run("-c", TestDriver.DEFAULT, "info", "web42");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("xenctl: error: domain 'web42' not found on test:///default")
                .contains("xenctl list --all");
    }

    @Test
    void a_value_taken_for_an_unknown_option_is_named_as_the_cause_not_the_missing_argument() {
        Result r = Cli.run("-c", TestDriver.DEFAULT, "mem-set", "test", "-5m");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("xenctl: error: Unknown option: '-5m'\n")
                .contains("goes after '--' ('xenctl mem-set … -- -5m')");
        Result after = Cli.run("-c", TestDriver.DEFAULT, "mem-set", "test", "--", "-5m");
        assertThat(after.exit()).isEqualTo(2);
        assertThat(after.err()).startsWith("xenctl: error: '-5m' is not a memory size");
        // A word without a dash is no option: what is missing is said.
        Result word = Cli.run("-c", TestDriver.DEFAULT, "wait", "test", "running");
        assertThat(word.exit()).isEqualTo(2);
        assertThat(word.err()).startsWith("xenctl: error: Missing required option: '--state=STATE'\n");
    }

    @Test
    void a_command_line_pasted_from_a_web_page_names_the_character_that_shows_nothing_wrong() {
        // Was "'list --all' is not a xenctl verb", and "Unknown option: '--all'" with "did you mean '--all'?".
        Result verb = Cli.run("-c", TestDriver.DEFAULT, "list\u00a0--all");
        assertThat(verb.exit()).isEqualTo(2);
        assertThat(verb.err()).startsWith("xenctl: error: 'list\u00a0--all' is not a xenctl verb: it holds U+00A0 "
                + "NO-BREAK SPACE, which looks like a space\n")
                .contains("xenctl: hint: type a plain space there (text copied from a web page or a word processor?)");
        Result option = Cli.run("-c", TestDriver.DEFAULT, "list", "--all\u200b");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("it holds U+200B ZERO WIDTH SPACE, an invisible character\n")
                .contains("xenctl: hint: delete it (text copied from a web page or a word processor?); did you mean "
                        + "'--all'?");
        JsonNode json = Cli.run("-c", TestDriver.DEFAULT, "-o", "json", "list", "--all\u200b").errorJson()
                .get("error");
        assertThat(json.get("message").asText()).endsWith("an invisible character");
        assertThat(json.get("exit_status").asInt()).isEqualTo(2);
    }

    @Test
    void under_json_an_error_is_one_json_object_on_stderr() {
        Result r = Cli.run("-c", TestDriver.DEFAULT, "pause", "web42", "-o", "json");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        JsonNode error = r.errorJson().get("error");
        assertThat(error.get("code").asText()).isEqualTo("domain-not-found");
        assertThat(error.get("exit_status").asInt()).isEqualTo(3);
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void an_unreachable_uri_gives_a_clear_error_and_no_stack_trace() {
        Result r = Cli.run("-c", "xen+tcp://127.0.0.1:1/system", "list");
        assertThat(r.exit()).isEqualTo(6);
        assertThat(r.err()).startsWith("xenctl: error: cannot connect to xen+tcp://127.0.0.1:1/system: ")
                .doesNotContain("\tat ").doesNotContain("Exception");
        Result json = Cli.run("-c", "xen+tcp://127.0.0.1:1/system", "list", "-o", "json");
        assertThat(json.errorJson().get("error").get("code").asText()).isEqualTo("connect-failed");
    }

    @Test
    void without_any_uri_the_error_says_how_to_choose_one() {
        Result r = Cli.runWith(Map.of("XENCTL_CONFIG", dir.resolve("absent.conf").toString()), "list");
        assertThat(r.exit()).isEqualTo(6);
        assertThat(r.err()).contains("no hypervisor to connect to").contains("-c URI")
                .contains("XENCTL_DEFAULT_URI").contains("test:///default");
    }

    @Test
    void the_uri_comes_from_the_environment_then_the_config_file() throws Exception {
        Path conf = dir.resolve("xenctl.conf");
        Files.writeString(conf, "# xenctl\nuri_default = \"test:///default\"\n");
        Result fromConfig = Cli.runWith(Map.of("XENCTL_CONFIG", conf.toString()), "version", "-o", "json");
        assertThat(fromConfig.exit()).as(fromConfig.toString()).isZero();
        assertThat(fromConfig.json().get("uri_source").asText()).isEqualTo(conf + " (uri_default)");

        Result fromLibvirt = Cli.runWith(Map.of("LIBVIRT_DEFAULT_URI", "test:///default",
                "XENCTL_CONFIG", conf.toString()), "version", "-o", "json");
        assertThat(fromLibvirt.json().get("uri_source").asText()).isEqualTo("LIBVIRT_DEFAULT_URI");

        Result fromXenctl = Cli.runWith(Map.of("XENCTL_DEFAULT_URI", TestDriver.demoHost(),
                "LIBVIRT_DEFAULT_URI", "test:///default"), "list", "-o", "json");
        assertThat(fromXenctl.json().get("domains").findValuesAsText("name")).contains("web");
    }

    @Test
    void an_empty_host_is_refused_never_taken_for_the_default_one() {
        // What `xenctl -c "$HOST" …` gives when HOST is unset: libvirt (and virsh) would connect to the default
        // host, on a dom0 this machine, and run the verb there.
        Map<String, String> defaultHost = Map.of("XENCTL_DEFAULT_URI", TestDriver.DEFAULT);
        Result empty = Cli.runWith(defaultHost, "-c", "", "list");
        assertThat(empty.exit()).as(empty.toString()).isEqualTo(2);
        assertThat(empty.out()).isEmpty();
        assertThat(empty.err()).startsWith("xenctl: error: Invalid value for option '--connect' (URI): an empty "
                + "value names no host: give a libvirt URI, e.g. xen+ssh://root@HOST/system, or leave -c out for "
                + "the default host\n");
        Result spaces = Cli.runWith(defaultHost, "--connect", " ", "list", "-o", "json");
        assertThat(spaces.exit()).isEqualTo(2);
        assertThat(spaces.out()).isEmpty();
        assertThat(spaces.errorJson().get("error").get("code").asText()).isEqualTo("usage");
        assertThat(spaces.errorJson().get("error").get("message").asText()).contains("a value of only spaces");
        for (String[] line : new String[][] {
                {"-c", TestDriver.DEFAULT, "-c", "", "list"},
                {"-H", "", "list"},
                {"-c", TestDriver.DEFAULT, "migrate", "test", ""},
                {"-c", TestDriver.DEFAULT, "migrate", "test", "test:///default", "--p2p", ""},
                {"evacuate", ""},
                {"evacuate", TestDriver.DEFAULT, "--to", " "}}) {
            Result r = Cli.runWith(defaultHost, line);
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).contains("names no host: give ");
            assertThat(r.err().lines()).as(r.toString()).hasSize(2);  // the error and its hint
        }
    }

    @Test
    void a_broken_config_file_is_a_configuration_error_with_its_line() throws Exception {
        Path conf = dir.resolve("xenctl.conf");
        Files.writeString(conf, "\nuri_default = xen:///system\n");
        Result r = Cli.runWith(Map.of("XENCTL_CONFIG", conf.toString()), "list");
        assertThat(r.exit()).isEqualTo(5);
        assertThat(r.err()).contains(conf + ":2: uri_default needs a quoted value");
    }

    @Test
    void usage_errors_exit_2_and_point_to_help() {
        Result unknownVerb = Cli.run("frobnicate");
        assertThat(unknownVerb.exit()).isEqualTo(2);
        assertThat(unknownVerb.err()).isEqualTo("xenctl: error: 'frobnicate' is not a xenctl verb\n"
                + "xenctl: hint: 'xenctl help' lists them\n");

        Result missingDomain = Cli.run("-c", TestDriver.DEFAULT, "pause");
        assertThat(missingDomain.exit()).isEqualTo(2);
        assertThat(missingDomain.err()).contains("DOMAIN").contains("see 'xenctl help pause'");

        Result badFormat = Cli.run("-c", TestDriver.DEFAULT, "list", "-o", "yaml");
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("'yaml' is not an output format: use text or json");

        Result badTimeout = Cli.run("-c", TestDriver.DEFAULT, "destroy", "--timeout", "soon", "test");
        assertThat(badTimeout.exit()).isEqualTo(2);
        assertThat(badTimeout.err()).contains("'soon' is not a number of seconds");

        Result noVerb = Cli.run();
        assertThat(noVerb.exit()).isEqualTo(2);
        assertThat(noVerb.err()).contains("a command is required");
    }

    @Test
    void a_timeout_too_large_for_any_wait_is_a_usage_error_not_zero_or_a_crash() {
        for (String huge : new String[] {"1e999", "9223372036854775807", "1e17", "31622401"}) {
            Result r = Cli.run("-c", TestDriver.DEFAULT, "shutdown", "--force", "--timeout", huge, "test");

            assertThat(r.exit()).as(huge + ": " + r).isEqualTo(2);
            assertThat(r.err()).contains("'" + huge + "' is more than a year")
                    .contains("to wait without a limit, leave the timeout out");
        }
        Result interval = Cli.run("-c", TestDriver.DEFAULT, "stats", "--interval", "1e999");
        assertThat(interval.exit()).as(interval.toString()).isEqualTo(2);
        assertThat(interval.err()).as("an interval has no 'no limit' to point to")
                .contains("'1e999' is more than a year (31622400 s)").doesNotContain("timeout");
        Result year = Cli.run("-c", TestDriver.DEFAULT, "destroy", "--timeout", "31622400", "test");
        assertThat(year.exit()).as(year.toString()).isZero();
    }

    @Test
    void an_argument_starting_with_at_is_taken_as_typed_never_as_a_file_to_read() throws Exception {
        // xenctl runs as root, often for scripts that pass on a name they were given: "@PATH" must not become the
        // file's lines (picocli's argument files), echoed back in an error message.
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "first-line\nsecond-line\n--all\n");

        Result info = Cli.run("-c", TestDriver.DEFAULT, "info", "@" + secret);
        Result json = Cli.run("-c", TestDriver.DEFAULT, "-o", "json", "list", "@" + secret);
        Path lines = dir.resolve("lines.batch");
        Files.writeString(lines, "info @" + secret + "\n");
        Result batch = Cli.run("-c", TestDriver.DEFAULT, "batch", lines.toString());

        for (Result r : new Result[] {info, json, batch}) {
            assertThat(r.exit()).as(r.toString()).isEqualTo(3);
            assertThat(r.out() + r.err()).as(r.toString()).contains("'@" + secret + "' not found")
                    .doesNotContain("first-line", "second-line");
        }
    }

    @Test
    void a_usage_error_under_json_is_json() {
        Result r = Cli.run("list", "--bogus", "-o", "json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errorJson().get("error").get("code").asText()).isEqualTo("usage");
    }

    @Test
    void a_usage_error_comes_in_the_form_the_line_asks_for_over_the_configured_one() throws Exception {
        Path conf = dir.resolve("json.conf");
        Files.writeString(conf, "output = \"json\"\n");
        Map<String, String> env = Map.of("XENCTL_CONFIG", conf.toString());

        Result configured = Cli.runWith(env, "list", "--bogus");
        Result text = Cli.runWith(env, "list", "--bogus", "-o", "text");
        Result lastWins = Cli.runWith(env, "-ojson", "list", "--bogus", "--output=TEXT");

        assertThat(configured.errorJson().get("error").get("code").asText()).isEqualTo("usage");
        assertThat(text.exit()).isEqualTo(2);
        assertThat(text.err()).startsWith("xenctl: error: ");
        assertThat(lastWins.err()).startsWith("xenctl: error: ");
    }

    @Test
    void help_and_version_exit_0() {
        Result help = Cli.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: xenctl").contains("shutdown").contains("Exit status:");
        Result version = Cli.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("xenctl ");
    }
}
