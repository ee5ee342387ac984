package org.xenctl.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import picocli.CommandLine.ITypeConverter;
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
    private ScopeType scope = ScopeType.LOCAL;

    private Declaration(CommandSpec spec) {
        this.spec = spec;
    }

    static Declaration command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description);
        return new Declaration(spec);
    }

    /** The options declared from here on are inherited by every subcommand (the root's global options). */
    Declaration inheritedOptions() {
        scope = ScopeType.INHERIT;
        return this;
    }

    Declaration aliases(String... aliases) {
        spec.aliases(aliases);
        return this;
    }

    /** An option without a value. */
    Declaration flag(String names, String description, Consumer<Boolean> setter) {
        return add(bind(option(names, description).arity("0").type(boolean.class), setter));
    }

    /** An option with a value of a type picocli converts itself (String, Integer, Path…). */
    <T> Declaration option(String names, String paramLabel, Class<T> type, String description, Consumer<T> setter) {
        return add(bind(option(names, description).paramLabel(paramLabel).type(type), setter));
    }

    /** An option with a value converted by {@code converter}. */
    <T> Declaration option(String names, String paramLabel, Class<T> type, ITypeConverter<T> converter,
            String description, Consumer<T> setter) {
        return add(bind(option(names, description).paramLabel(paramLabel).type(type).converters(converter), setter));
    }

    /** A required positional parameter at {@code index} ("0", "1"). */
    <T> Declaration parameter(String index, String paramLabel, Class<T> type, String description,
            Consumer<T> setter) {
        return add(bind(positional(index, "1", paramLabel, description).type(type), setter));
    }

    /** The DOMAIN that most verbs take first. */
    Declaration domain(Consumer<String> setter) {
        return parameter("0", "DOMAIN", String.class, "name, id or uuid", setter);
    }

    /** A positional parameter at {@code index} that may be left out. */
    <T> Declaration optionalParameter(String index, String paramLabel, Class<T> type, String description,
            Consumer<T> setter) {
        return add(bind(positional(index, "0..1", paramLabel, description).type(type), setter));
    }

    /** Positional parameters from {@code index} on ("0..*", "1..*"), collected into a list of strings. */
    Declaration parameters(String index, String arity, String paramLabel, String description,
            Supplier<List<String>> getter, Consumer<List<String>> setter) {
        FieldBinding<List<String>> binding = new FieldBinding<>(getter, setter);
        return add(positional(index, arity, paramLabel, description).type(List.class).auxiliaryTypes(String.class)
                .getter(binding).setter(binding));
    }

    /** Options that several commands share, declared by their own class (what picocli calls a mixin). */
    interface SharedOptions {
        void declareOn(Declaration declaration);
    }

    Declaration with(SharedOptions options) {
        options.declareOn(this);
        return this;
    }

    Declaration add(OptionSpec.Builder option) {
        spec.addOption(option.scopeType(scope).build());
        return this;
    }

    Declaration add(PositionalParamSpec.Builder parameter) {
        spec.addPositional(parameter.build());
        return this;
    }

    CommandSpec spec() {
        return spec;
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
