package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * A command's name, options and parameters written as code, each bound to the command's field (see {@link Declared}
 * for why not annotations). Names are one string, "-a|--all". What is declared is recorded as plain
 * {@link Argument}s; picocli's model is built from them only when asked for ({@link #spec}), since a command line
 * that {@link QuickParser} understands needs none. picocli never resets a value before parsing: a command object
 * parses one command line, and a batch line starts from the batch's global options.
 */
final class Declaration {
    private final Object command;
    private final String name;
    private final String[] description;
    private String[] aliases = {};
    private boolean inherited;
    private final List<Argument> arguments = new ArrayList<>();
    /** How picocli's model is built, in declaration order (which --help keeps). */
    private final List<Consumer<CommandSpec>> steps = new ArrayList<>();
    private boolean parsedByPicocliOnly;
    private CommandSpec spec;

    private Declaration(Object command, String name, String[] description) {
        this.command = command;
        this.name = name;
        this.description = description;
    }

    static Declaration command(Object command, String name, String... description) {
        return new Declaration(command, name, description);
    }

    /** The options declared from here on are inherited by every subcommand (the root's global options). */
    Declaration inheritedOptions() {
        inherited = true;
        return this;
    }

    Declaration aliases(String... aliases) {
        this.aliases = aliases;
        return this;
    }

    /** An option without a value. */
    Declaration flag(String names, String description, Consumer<Boolean> setter) {
        return record(optionArgument(names, "0", null, boolean.class, null, description, setter));
    }

    /** An option with a value of a type picocli converts itself (String, Integer, Path…). */
    <T> Declaration option(String names, String paramLabel, Class<T> type, String description, Consumer<T> setter) {
        return record(optionArgument(names, "1", paramLabel, type, null, description, setter));
    }

    /** An option with a value converted by {@code converter}. */
    <T> Declaration option(String names, String paramLabel, Class<T> type, ITypeConverter<T> converter,
            String description, Consumer<T> setter) {
        return record(optionArgument(names, "1", paramLabel, type, converter, description, setter));
    }

    /** A required positional parameter at {@code index} ("0", "1"). */
    <T> Declaration parameter(String index, String paramLabel, Class<T> type, String description,
            Consumer<T> setter) {
        return record(parameterArgument(index, "1", paramLabel, type, description, setter, null));
    }

    /** The DOMAIN that most verbs take first. */
    Declaration domain(Consumer<String> setter) {
        return parameter("0", "DOMAIN", String.class, "name, id or uuid", setter);
    }

    /** A positional parameter at {@code index} that may be left out. */
    <T> Declaration optionalParameter(String index, String paramLabel, Class<T> type, String description,
            Consumer<T> setter) {
        return record(parameterArgument(index, "0..1", paramLabel, type, description, setter, null));
    }

    /** Positional parameters from {@code index} on ("0..*", "1..*"), collected into a list of strings. */
    Declaration parameters(String index, String arity, String paramLabel, String description,
            Supplier<List<String>> getter, Consumer<List<String>> setter) {
        return record(parameterArgument(index, arity, paramLabel, List.class, description, setter, getter));
    }

    /** Options that several commands share, declared by their own class (what picocli calls a mixin). */
    interface SharedOptions {
        void declareOn(Declaration declaration);
    }

    Declaration with(SharedOptions options) {
        options.declareOn(this);
        return this;
    }

    /** An option only picocli's model knows (a required one, say): command lines of this command go to picocli. */
    Declaration add(OptionSpec.Builder option) {
        ScopeType scope = scope();
        return picocliOnly(spec -> spec.addOption(option.scopeType(scope).build()));
    }

    /** A parameter only picocli's model knows: command lines of this command go to picocli. */
    Declaration add(PositionalParamSpec.Builder parameter) {
        return picocliOnly(spec -> spec.addPositional(parameter.build()));
    }

    /** A change to picocli's model that the quick parser does not know (an argument group…). */
    Declaration picocliOnly(Consumer<CommandSpec> step) {
        parsedByPicocliOnly = true;
        steps.add(step);
        return this;
    }

    /**
     * -h/--help and -V/--version, answered by picocli: the quick parser does not know them, so a command line that
     * holds one goes to picocli.
     */
    Declaration helpOptions() {
        ScopeType scope = scope();
        steps.add(spec -> spec.addOption(option("-h|--help", "Show this help message and exit.").usageHelp(true)
                .scopeType(scope).build()));
        steps.add(spec -> spec.addOption(option("-V|--version", "Print version information and exit.")
                .versionHelp(true).scopeType(scope).build()));
        return this;
    }

    /** picocli's model of the command, built on first use. */
    CommandSpec spec() {
        if (spec == null) {
            CommandSpec built = CommandSpec.wrapWithoutInspection(command).name(name);
            built.usageMessage().description(description);
            built.aliases(aliases);
            steps.forEach(step -> step.accept(built));
            spec = built;
        }
        return spec;
    }

    String name() {
        return name;
    }

    List<String> aliases() {
        return List.of(aliases);
    }

    List<Argument> arguments() {
        return arguments;
    }

    /** Whether every argument of this command is one the quick parser knows (otherwise picocli parses). */
    boolean quickParsable() {
        return !parsedByPicocliOnly;
    }

    private ScopeType scope() {
        return scope(inherited);
    }

    private static ScopeType scope(boolean inherited) {
        return inherited ? ScopeType.INHERIT : ScopeType.LOCAL;
    }

    private Declaration record(Argument argument) {
        arguments.add(argument);
        steps.add(spec -> {
            if (argument.isOption()) {
                spec.addOption(optionSpec(argument));
            } else {
                spec.addPositional(positionalSpec(argument));
            }
        });
        return this;
    }

    @SuppressWarnings("unchecked")
    private <T> Argument optionArgument(String names, String arity, String paramLabel, Class<T> type,
            ITypeConverter<T> converter, String description, Consumer<T> setter) {
        return new Argument(List.of(names.split("\\|")), null, arity, paramLabel, type, converter, description,
                inherited, (Consumer<Object>) setter, null);
    }

    @SuppressWarnings("unchecked")
    private static <T> Argument parameterArgument(String index, String arity, String paramLabel, Class<?> type,
            String description, Consumer<T> setter, Supplier<List<String>> getter) {
        return new Argument(List.of(), index, arity, paramLabel, type, null, description, false,
                (Consumer<Object>) setter, getter);
    }

    private static OptionSpec optionSpec(Argument argument) {
        OptionSpec.Builder builder = OptionSpec.builder(argument.names().toArray(String[]::new))
                .description(argument.description()).hasInitialValue(false).arity(argument.arity())
                .type(argument.type())
                .scopeType(scope(argument.inherited()));
        if (argument.paramLabel() != null) {
            builder.paramLabel(argument.paramLabel());
        }
        if (argument.converter() != null) {
            builder.converters(argument.converter());
        }
        FieldBinding<Object> binding = new FieldBinding<>(() -> null, argument.setter());
        return builder.getter(binding).setter(binding).build();
    }

    @SuppressWarnings("unchecked")
    private static PositionalParamSpec positionalSpec(Argument argument) {
        PositionalParamSpec.Builder builder = positional(argument.index(), argument.arity(), argument.paramLabel(),
                argument.description()).type(argument.type());
        FieldBinding<Object> binding;
        if (argument.getter() != null) {
            builder.auxiliaryTypes(String.class);
            binding = new FieldBinding<>((Supplier<Object>) (Supplier<?>) argument.getter(), argument.setter());
        } else {
            binding = new FieldBinding<>(() -> null, argument.setter());
        }
        return builder.getter(binding).setter(binding).build();
    }

    static OptionSpec.Builder option(String names, String description) {
        return OptionSpec.builder(names.split("\\|")).description(description).hasInitialValue(false);
    }

    static PositionalParamSpec.Builder positional(String index, String arity, String paramLabel, String description) {
        PositionalParamSpec.Builder builder = PositionalParamSpec.builder().index(index).arity(arity)
                .required(!arity.startsWith("0")).paramLabel(paramLabel).hasInitialValue(false);
        return description == null ? builder : builder.description(description);
    }

    /** A single value: its setter is all picocli needs. */
    static <T> OptionSpec.Builder bind(OptionSpec.Builder builder, Consumer<T> setter) {
        FieldBinding<T> binding = new FieldBinding<>(() -> null, setter);
        return builder.getter(binding).setter(binding);
    }

    static <T> PositionalParamSpec.Builder bind(PositionalParamSpec.Builder builder, Consumer<T> setter) {
        FieldBinding<T> binding = new FieldBinding<>(() -> null, setter);
        return builder.getter(binding).setter(binding);
    }
}
