package org.xenctl.xlcfg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The entries of a spec-list key ({@code disk}, {@code vif}, {@code pci}), each parsed where it stands. */
public final class SpecEntries {
    private SpecEntries() {
    }

    /**
     * Parses every string of {@code entry}'s list with {@code parser}, which reports into a {@link SpecReport}
     * named "KEY N" and returns null for an entry with errors; a non-string item is an error.
     */
    public static <T> List<T> parse(XlEntry entry, boolean compat, List<XlProblem> problems,
                                    BiFunction<String, SpecReport, T> parser) {
        List<T> parsed = new ArrayList<>();
        if (!(entry.value() instanceof XlValue.Items items)) {
            return parsed;
        }
        int index = 0;
        for (XlValue item : items.items()) {
            SpecReport report = new SpecReport(entry.source(), item.position(), entry.key() + " " + ++index, compat,
                    problems);
            if (item.atom() == null) {
                report.error(-1, "each entry must be a string", "write " + entry.key() + " = [ '…', '…' ]");
                continue;
            }
            T value = parser.apply(item.atom(), report);
            if (value != null) {
                parsed.add(value);
            }
        }
        return parsed;
    }
}
