package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xenctl.render.OutputFormat;
import org.xenctl.testing.Cli;
import picocli.CommandLine;

/**
 * The quick parser against picocli, on every verb it may parse: whatever it takes, picocli takes too and sets the
 * same values; and it takes the everyday command lines (else the test would hold for a parser that takes nothing).
 */
class QuickParserTest {
    private static final Context CONTEXT = Context.of(Map.of());

    @Test
    void takes_the_everyday_command_lines() {
        assertThat(quick("-c", "test:///default", "list")).isTrue();
        assertThat(quick("list", "--all", "-o", "json")).isTrue();
        assertThat(quick("-q", "-c", "test:///default", "ls", "-a", "web1", "web2")).isTrue();
        assertThat(quick("info", "web1", "--connect", "test:///default", "--output", "JSON")).isTrue();
        assertThat(quick("start", "web1")).isTrue();
        assertThat(quick("destroy", "--no-headers", "--", "-odd-name")).isTrue();
        assertThat(quick("list", "-")).isTrue();
    }

    @Test
    void leaves_to_picocli_what_it_does_not_understand_completely() {
        assertThat(quick("--output=json", "list")).isFalse();
        assertThat(quick("-qc", "test:///default", "list")).isFalse();
        assertThat(quick("list", "-a", "-a")).isFalse();
        assertThat(quick("list", "--bogus")).isFalse();
        assertThat(quick("list", "@args")).isFalse();
        assertThat(quick("list", "--help")).isFalse();
        assertThat(quick("-V")).isFalse();
        assertThat(quick("info")).isFalse();
        assertThat(quick("info", "a", "b")).isFalse();
        assertThat(quick("-o", "yaml", "list")).isFalse();
        assertThat(quick("-c", "-o", "list")).isFalse();
        assertThat(quick("--all", "list")).isFalse();
        assertThat(quick("--", "list")).isFalse();
        assertThat(quick("shutdown", "web1")).isFalse(); // an argument group: picocli's alone
        assertThat(quick("config", "check", "guest.cfg")).isFalse();
    }

    @Test
    void whatever_it_takes_picocli_takes_with_the_same_values() {
        int taken = 0;
        for (Class<? extends Declared> verb : Verbs.BY_NAME.values().stream().distinct().toList()) {
            if (!HypervisorCommand.class.isAssignableFrom(verb)) {
                continue;
            }
            for (String[] args : commandLines(verb)) {
                XenctlCommand quickRoot = new XenctlCommand(CONTEXT);
                HypervisorCommand quickVerb = (HypervisorCommand) Verbs.create(verb);
                if (!QuickParser.parse(quickRoot.declaration(), quickVerb.declaration(), args)) {
                    assertThat(fields(quickRoot)).as("nothing set for %s", List.of(args))
                            .isEqualTo(fields(new XenctlCommand(CONTEXT)));
                    assertThat(fields(quickVerb)).as("nothing set for %s", List.of(args))
                            .isEqualTo(fields(Verbs.create(verb)));
                    continue;
                }
                taken++;
                XenctlCommand picocliRoot = new XenctlCommand(CONTEXT);
                Declared picocliVerb = Verbs.create(verb);
                CommandLine commandLine = new CommandLine(picocliRoot.spec());
                commandLine.addSubcommand(picocliVerb.spec());
                commandLine.setCaseInsensitiveEnumValuesAllowed(true);
                assertThatCode(() -> commandLine.parseArgs(args)).as("picocli on %s", List.of(args))
                        .doesNotThrowAnyException();
                assertThat(fields(quickRoot)).as("global options of %s", List.of(args))
                        .isEqualTo(fields(picocliRoot));
                assertThat(fields(quickVerb)).as("values of %s", List.of(args)).isEqualTo(fields(picocliVerb));
            }
        }
        assertThat(taken).as("command lines the quick parser took").isGreaterThan(500);
    }

    @Test
    void a_command_line_prints_the_same_whichever_parser_takes_it() {
        Cli.Result quick = Cli.run("-c", "test:///default", "list", "--all", "-o", "json");
        Cli.Result picocli = Cli.run("--connect=test:///default", "list", "--all", "--output=json");

        assertThat(quick.exit()).isZero();
        assertThat(withoutCpuTime(quick.out())).isEqualTo(withoutCpuTime(picocli.out())).contains("\"name\" : \"test\"");
        assertThat(quick.err()).isEqualTo(picocli.err());
    }

    /** The test driver's CPU time is the clock's. */
    private static String withoutCpuTime(String json) {
        return json.replaceAll("\"cpu_time_ns\" : \\d+", "");
    }

    private static boolean quick(String... args) {
        String word = Verbs.verbWord(args);
        Class<? extends Declared> verb = word == null ? ListCommand.class : Verbs.BY_NAME.get(word);
        if (!HypervisorCommand.class.isAssignableFrom(verb)) {
            return false;
        }
        return QuickParser.parse(new XenctlCommand(CONTEXT).declaration(),
                ((HypervisorCommand) Verbs.create(verb)).declaration(), args);
    }

    /** Every verb's options and parameters, alone and together, with good and bad values, in several orders. */
    private static List<String[]> commandLines(Class<? extends Declared> verb) {
        Declaration declaration = ((HypervisorCommand) Verbs.create(verb)).declaration();
        String name = declaration.name();
        List<List<String>> optionWords = new ArrayList<>();
        for (Argument argument : declaration.arguments()) {
            if (argument.isOption()) {
                for (String optionName : argument.names()) {
                    optionWords.add(argument.isFlag() ? List.of(optionName) : List.of(optionName, sample(argument)));
                    if (!argument.isFlag()) {
                        optionWords.add(List.of(optionName, "not-a-" + argument.type().getSimpleName()));
                        optionWords.add(List.of(optionName));
                        optionWords.add(List.of(optionName + "=" + sample(argument)));
                    }
                }
            }
        }
        List<List<String>> rootWords = List.of(List.of(), List.of("-c", "test:///default"), List.of("-q", "-o", "json"),
                List.of("--no-headers", "--verbose", "--output", "text"), List.of("-c"), List.of("-o", "xml"));
        List<List<String>> positionals = List.of(List.of(), List.of("web1"), List.of("web1", "web2"),
                List.of("web1", "5", "json"), List.of("--", "-web1"), List.of("@file"));
        List<String[]> lines = new ArrayList<>();
        for (List<String> before : rootWords) {
            for (List<String> values : positionals) {
                for (List<String> after : rootWords) {
                    lines.add(line(before, name, values, List.of(), after));
                }
                for (List<String> option : optionWords) {
                    lines.add(line(before, name, values, option, List.of()));
                    lines.add(line(option, name, values, List.of(), List.of()));
                    lines.add(line(before, name, option, values, option));
                }
                lines.add(line(before, name, values, flatten(optionWords), List.of()));
            }
        }
        return lines;
    }

    private static String sample(Argument option) {
        if (option.type() == Duration.class) {
            return "5";
        }
        if (option.type() == OutputFormat.class) {
            return "json";
        }
        return option.type() == Integer.class || option.type() == int.class ? "3" : "value";
    }

    private static List<String> flatten(List<List<String>> words) {
        return words.stream().filter(each -> each.size() == 2 && !each.get(1).startsWith("not-a-"))
                .flatMap(List::stream).toList();
    }

    @SafeVarargs
    private static String[] line(List<String> first, String verb, List<String>... rest) {
        List<String> words = new ArrayList<>(first);
        words.add(verb);
        for (List<String> part : rest) {
            words.addAll(part);
        }
        return words.toArray(String[]::new);
    }

    /** A command object's field values, those of the option groups it holds (DeviceScopeOptions…) included. */
    private static Map<String, Object> fields(Object command) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic() || notAValue(field.getType())) {
                    continue;
                }
                field.setAccessible(true);
                Object value;
                try {
                    value = field.get(command);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
                if (value instanceof Declaration.SharedOptions) {
                    fields(value).forEach((key, nested) -> values.put(field.getName() + "." + key, nested));
                } else {
                    values.put(type.getSimpleName() + "." + field.getName(), value);
                }
            }
        }
        return values;
    }

    private static boolean notAValue(Class<?> type) {
        return type == Declaration.class || type == Context.class || type == QuickRun.class
                || type.getName().startsWith("picocli.");
    }
}
