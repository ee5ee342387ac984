package org.xenctl.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import picocli.CommandLine.ITypeConverter;

/**
 * One option or positional parameter as a {@link Declaration} records it: what picocli's model is built from, and
 * what {@link QuickParser} reads. Plain data, so that a command line the quick parser takes loads no picocli class.
 *
 * @param names      an option's names ("-a", "--all"); empty for a positional parameter
 * @param index      a positional parameter's index ("0", or "1..*" for the rest); null for an option
 * @param arity      "0" for a flag, "1" for an option's value; for a parameter "1", "0..1", "0..*" or "1..*"
 * @param converter  the value's converter; null where the type's own (picocli's) applies
 * @param inherited  a root option that also stands after the verb
 * @param getter     the current list, for a parameter taking several values; null otherwise
 */
record Argument(List<String> names, String index, String arity, String paramLabel, Class<?> type,
                ITypeConverter<?> converter, String description, boolean inherited, Consumer<Object> setter,
                Supplier<List<String>> getter) {

    boolean isOption() {
        return index == null;
    }

    boolean isFlag() {
        return isOption() && arity.equals("0");
    }

    /** A positional parameter that takes every value from its index on. */
    boolean takesTheRest() {
        return !isOption() && index.endsWith("..*");
    }

    /** The fewest values a positional parameter takes. */
    int minimumValues() {
        return arity.startsWith("0") ? 0 : 1;
    }

    /** The value {@code text} converted as picocli would, for an argument that {@link #convertsWithoutPicocli}. */
    Object convert(String text) throws Exception {
        return converter != null ? converter.convert(text) : text;
    }

    /** Whether {@link #convert} handles this argument's values without picocli. */
    boolean convertsWithoutPicocli() {
        return converter != null || type == String.class || takesTheRest();
    }
}
