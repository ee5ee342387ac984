package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ConnectOptions;
import org.xenctl.testing.Cli;
import picocli.CommandLine.Model.CommandSpec;

/** The verb table against the commands' own declarations, and how a command line's verb is found. */
class VerbsTest {

    @Test
    void every_name_and_alias_runs_exactly_one_verb() {
        long names = Verbs.TABLE.stream().mapToLong(verb -> verb.names().size()).sum();

        assertThat(Verbs.BY_NAME).hasSize((int) names);
        assertThat(Verbs.BY_NAME.get("ls").name()).isEqualTo("list");
        assertThat(Verbs.BY_NAME.get("domrename").name()).isEqualTo("rename");
    }

    @Test
    void each_verb_is_built_from_its_row_its_name_aliases_help_and_dry_run() {
        for (Verb verb : Verbs.TABLE) {
            CommandSpec spec = verb.create().spec();

            assertThat(spec.name()).isEqualTo(verb.name());
            assertThat(spec.aliases()).containsExactlyElementsOf(verb.aliases());
            assertThat(String.join("", spec.usageMessage().description())).isEqualTo(verb.help());
            assertThat(spec.findOption("--dry-run") != null).as(verb.name()).isEqualTo(verb.dryRun());
        }
    }

    @Test
    void a_verb_opens_its_connection_as_its_row_says_and_an_offline_one_opens_none(@TempDir Path dir)
            throws Exception {
        Path cfg = dir.resolve("guest.cfg");
        Files.writeString(cfg, "name = \"g\"\nmemory = 128\nkernel = \"/boot/vmlinuz\"\n");
        List<ConnectOptions> asked = new ArrayList<>();
        Context real = Context.of(Map.of());
        Context recording = new Context((uri, options) -> {
            asked.add(options);
            return real.sessions().open("test:///default", options);
        }, Path.of("/nonexistent"), null, real.defaults(), real.audit());
        Map<String[], ConnectOptions> expected = new LinkedHashMap<>();
        expected.put(new String[] {"list"}, ConnectOptions.READ_ONLY);
        expected.put(new String[] {"info", "test"}, ConnectOptions.READ_ONLY);
        expected.put(new String[] {"dumpxml", "test"}, ConnectOptions.READ_WRITE);
        expected.put(new String[] {"wait", "test", "--state", "running"}, ConnectOptions.WITH_EVENTS);
        expected.put(new String[] {"config", "check", cfg.toString()}, null);
        expected.put(new String[] {"create", "-n", cfg.toString()}, null);

        for (Map.Entry<String[], ConnectOptions> each : expected.entrySet()) {
            asked.clear();
            Cli.Result r = Cli.runIn(recording, each.getKey());

            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(asked).as(String.join(" ", each.getKey()))
                    .isEqualTo(each.getValue() == null ? List.of() : List.of(each.getValue()));
        }
        assertThat(Verbs.BY_NAME.get("config").connects()).isFalse();
        assertThat(Verbs.BY_NAME.get("list").access()).isEqualTo(ConnectOptions.READ_ONLY);
    }

    @Test
    void the_verb_is_the_first_word_that_is_neither_a_root_option_nor_its_value() {
        assertThat(Verbs.verbWord(new String[] {"list", "--all"})).isEqualTo("list");
        assertThat(Verbs.verbWord(new String[] {"-c", "test:///default", "-o", "json", "info", "x"}))
                .isEqualTo("info");
        assertThat(Verbs.verbWord(new String[] {"--connect", "list", "start", "list"})).isEqualTo("start");
        assertThat(Verbs.verbWord(new String[] {"--connect=test:///default", "-ojson", "ls"})).isEqualTo("ls");
        assertThat(Verbs.verbWord(new String[] {"-qc", "list", "pause", "d"})).isEqualTo("pause");
        assertThat(Verbs.verbWord(new String[] {"-qv", "destroy", "d"})).isEqualTo("destroy");
        assertThat(Verbs.verbWord(new String[] {"--help"})).isNull();
        assertThat(Verbs.verbWord(new String[] {})).isNull();
    }

    @Test
    void libvirt_starts_loading_early_only_for_a_verb_that_connects_and_is_not_asked_for_help() {
        assertThat(Verbs.connects(new String[] {"-c", "test:///default", "list"})).isTrue();
        assertThat(Verbs.connects(new String[] {"batch", "-"})).isTrue();
        assertThat(Verbs.connects(new String[] {"create", "-n", "guest.cfg"})).isTrue();
        assertThat(Verbs.connects(new String[] {"config", "check", "guest.cfg"})).isFalse();
        assertThat(Verbs.connects(new String[] {"list", "--help"})).isFalse();
        assertThat(Verbs.connects(new String[] {"lst"})).isFalse();
        assertThat(Verbs.connects(new String[] {"--version"})).isFalse();
    }

    @Test
    void a_command_line_that_names_no_known_verb_still_knows_them_all() {
        Cli.Result help = Cli.run("--help");
        Cli.Result typo = Cli.run("lst");

        Verbs.BY_NAME.keySet().stream().filter(name -> !List.of("ls", "dominfo", "domrename").contains(name))
                .forEach(name -> assertThat(help.out()).contains("  " + name));
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).startsWith("xenctl: error: 'lst' is not a xenctl verb");
    }

    @Test
    void the_version_needs_no_verb() {
        Cli.Result version = Cli.run("--version");

        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("xenctl ");
    }

    @Test
    void options_of_the_root_still_apply_after_the_verb() {
        Cli.Result r = Cli.run("list", "-c", "test:///default", "-o", "json");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("domains").get(0).get("name").asText()).isEqualTo("test");
    }
}
