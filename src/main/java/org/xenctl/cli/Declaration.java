package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * A command's picocli model written as code, each option and parameter bound to the command's field (see
 * {@link Declared} for why not annotations). Names are one string, "-a|--all". picocli never resets a value before
 * parsing: a command object parses one command line, and a batch line starts from the batch's global options.
 */
final class Declaration {
    private final CommandSpec spec;
    private final VerbCommand verb;
    private ScopeType scope = ScopeType.LOCAL;

    private Declaration(Object command, String name, String help) {
        spec = CommandSpec.wrapWithoutInspection(command).name(name);
        verb = command instanceof VerbCommand v ? v : null;
        spec.usageMessage().description(help);
    }

    /** The root command's model, or a command outside the verb table. */
    static Declaration command(Object command, String name, String help) {
        return new Declaration(command, name, help);
    }

    /** A verb's model: its name, aliases and help from its row of the verb table, and -n/--dry-run if it takes one. */
    static Declaration of(VerbCommand command, Verb verb) {
        Declaration declaration = new Declaration(command, verb.name(), verb.help());
        declaration.spec.aliases(verb.aliases().toArray(String[]::new));
        if (verb.dryRun()) {
            declaration.flag("-n|--dry-run", "print the libvirt XML and change nothing (no connection)",
                    command::dryRun);
        }
        return declaration;
    }

    /** The options declared from here on are inherited by every subcommand (the root's global options). */
    Declaration inheritedOptions() {
        scope = ScopeType.INHERIT;
        return this;
    }

    /** An option without a value. */
    Declaration flag(String names, String description, Consumer<Boolean> setter) {
        spec.addOption(bind(option(names, description).arity("0").type(boolean.class), setter).build());
        return this;
    }

    /** An option with a value of a type picocli converts itself (String, Integer, Path…). */
    <T> Declaration option(String names, String paramLabel, Class<T> type, String description, Consumer<T> setter) {
        spec.addOption(bind(option(names, description).arity("1").paramLabel(paramLabel).type(type), setter)
                .build());
        return this;
    }

    /** An option with a value converted by {@code converter}. */
    <T> Declaration option(String names, String paramLabel, Class<T> type, ITypeConverter<T> converter,
            String description, Consumer<T> setter) {
        spec.addOption(bind(option(names, description).arity("1").paramLabel(paramLabel).type(type)
                .converters(converter), setter).build());
        return this;
    }

    /**
     * An option known by xl's short name as well as by {@code longName}, where a global option has that short name
     * too (sched-credit's -c CAP): declared by its long name here, given the short one under the root.
     */
    <T> Declaration optionTakingShortName(String shortName, String longName, String paramLabel, Class<T> type,
            String description, Consumer<T> setter) {
        if (verb == null) {
            throw new IllegalStateException("only a verb takes a short name from the global options");
        }
        verb.takeShortName(shortName, longName);
        return option(longName, paramLabel, type, description, setter);
    }

    /** The same for an option without a value (create's -c, xl's "attach to the console"). */
    Declaration flagTakingShortName(String shortName, String longName, String description,
            Consumer<Boolean> setter) {
        if (verb == null) {
            throw new IllegalStateException("only a verb takes a short name from the global options");
        }
        verb.takeShortName(shortName, longName);
        return flag(longName, description, setter);
    }

    /** {@link VerbCommand#underRoot}: the inherited option with {@code shortName} gives it to {@code longName}'s. */
    static void takeShortName(CommandSpec spec, String shortName, String longName) {
        OptionSpec inherited = spec.findOption(shortName);
        OptionSpec own = spec.findOption(longName);
        if (inherited != null && inherited.inherited()) {
            spec.remove(inherited);
            List<String> kept = new ArrayList<>(List.of(inherited.names()));
            kept.remove(shortName);
            spec.addOption(OptionSpec.builder(inherited).names(kept.toArray(String[]::new)).build());
        }
        spec.remove(own);
        spec.addOption(OptionSpec.builder(own).names(shortName, longName).build());
    }

    /** An option that must be given. */
    <T> Declaration requiredOption(String names, String paramLabel, Class<T> type, String description,
            Consumer<T> setter) {
        spec.addOption(bind(option(names, description).arity("1").paramLabel(paramLabel).type(type).required(true),
                setter).build());
        return this;
    }

    /** A required positional parameter at {@code index} ("0", "1"). */
    <T> Declaration parameter(String index, String paramLabel, Class<T> type, String description,
            Consumer<T> setter) {
        spec.addPositional(bind(positional(index, "1", paramLabel, description).type(type), setter).build());
        return this;
    }

    /** A required positional parameter at {@code index}, converted by {@code converter}. */
    <T> Declaration parameter(String index, String paramLabel, Class<T> type, ITypeConverter<T> converter,
            String description, Consumer<T> setter) {
        spec.addPositional(bind(positional(index, "1", paramLabel, description).type(type).converters(converter),
                setter).build());
        return this;
    }

    /** The DOMAIN that most verbs take first (over several hosts, it says on which the verb runs). */
    Declaration domain(Consumer<String> setter) {
        return parameter("0", "DOMAIN", String.class, "name, id or uuid", value -> {
            setter.accept(value);
            if (verb != null) {
                verb.namedDomain(value);
            }
        });
    }

    /** A positional parameter at {@code index} that may be left out. */
    <T> Declaration optionalParameter(String index, String paramLabel, Class<T> type, String description,
            Consumer<T> setter) {
        spec.addPositional(bind(positional(index, "0..1", paramLabel, description).type(type), setter).build());
        return this;
    }

    /** Positional parameters from {@code index} on ("0..*", "1..*"), collected into a list of strings. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Declaration parameters(String index, String arity, String paramLabel, String description,
            Supplier<List<String>> getter, Consumer<List<String>> setter) {
        FieldBinding<List<String>> binding = new FieldBinding<>(getter, setter);
        spec.addPositional(positional(index, arity, paramLabel, description).type((Class) List.class)
                .auxiliaryTypes(String.class).getter(binding).setter(binding).build());
        return this;
    }

    /**
     * An option that may be given several times, each value checked by {@code converter} and added to the list in
     * the order given.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    Declaration repeatable(String names, String paramLabel, ITypeConverter<String> converter, String description,
            Supplier<List<String>> getter, Consumer<List<String>> setter) {
        FieldBinding<List<String>> binding = new FieldBinding<>(getter, setter);
        spec.addOption(option(names, description).arity("1").paramLabel(paramLabel).type((Class) List.class)
                .auxiliaryTypes(String.class).converters(converter).getter(binding).setter(binding).build());
        return this;
    }

    /** Options that several commands share, declared by their own class (what picocli calls a mixin). */
    interface SharedOptions {
        void declareOn(Declaration declaration);
    }

    Declaration with(SharedOptions options) {
        options.declareOn(this);
        return this;
    }

    /** Exactly one of an option without a value and a positional parameter (shutdown's --all or DOMAIN). */
    Declaration eitherFlagOrParameter(String flagNames, String flagDescription, Consumer<Boolean> flagSetter,
            String paramLabel, String paramDescription, Consumer<String> parameterSetter) {
        spec.addArgGroup(ArgGroupSpec.builder().exclusive(true).multiplicity("1")
                .addArg(bind(option(flagNames, flagDescription).arity("0").type(boolean.class).required(true),
                        flagSetter).build())
                .addArg(bind(positional("0", "1", paramLabel, paramDescription).type(String.class),
                        parameterSetter).build())
                .build());
        return this;
    }

    /** A subcommand (config's check, show…). */
    Declaration subcommand(Declared command) {
        spec.addSubcommand(null, new picocli.CommandLine(command.spec()));
        return this;
    }

    /** -h/--help and -V/--version, answered by picocli. */
    Declaration helpOptions() {
        spec.addOption(option("-h|--help", "Show this help message and exit.").usageHelp(true).build());
        spec.addOption(option("-V|--version", "Print version information and exit.").versionHelp(true).build());
        return this;
    }

    /** picocli's model of the command. */
    CommandSpec spec() {
        return spec;
    }

    private OptionSpec.Builder option(String names, String description) {
        return OptionSpec.builder(names.split("\\|")).description(description).hasInitialValue(false)
                .scopeType(scope);
    }

    private static PositionalParamSpec.Builder positional(String index, String arity, String paramLabel,
            String description) {
        return PositionalParamSpec.builder().index(index).arity(arity).required(!arity.startsWith("0"))
                .paramLabel(paramLabel).hasInitialValue(false).description(description);
    }

    /** A single value: its setter is all picocli needs. */
    private static <T> OptionSpec.Builder bind(OptionSpec.Builder builder, Consumer<T> setter) {
        FieldBinding<T> binding = new FieldBinding<>(() -> null, setter);
        return builder.getter(binding).setter(binding);
    }

    private static <T> PositionalParamSpec.Builder bind(PositionalParamSpec.Builder builder, Consumer<T> setter) {
        FieldBinding<T> binding = new FieldBinding<>(() -> null, setter);
        return builder.getter(binding).setter(binding);
    }
}
