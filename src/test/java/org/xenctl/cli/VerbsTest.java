package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xenctl.testing.Cli;
import picocli.CommandLine.Model.CommandSpec;

/** The verb table against the commands' own declarations, and how a command line's verb is found. */
class VerbsTest {

    @Test
    void the_table_names_every_verb_as_its_declaration_does() {
        Map<String, Class<? extends Declared>> fromDeclarations = new LinkedHashMap<>();
        for (Class<? extends Declared> verb : Verbs.BY_NAME.values().stream().distinct().toList()) {
            CommandSpec spec = Verbs.create(verb).spec();
            List<String> names = new ArrayList<>(List.of(spec.name()));
            names.addAll(List.of(spec.aliases()));
            names.forEach(name -> fromDeclarations.put(name, verb));
        }

        assertThat(Verbs.BY_NAME).containsExactlyInAnyOrderEntriesOf(fromDeclarations);
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
        assertThat(typo.err()).startsWith("xenctl: error: Unmatched argument at index 0: 'lst'");
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
