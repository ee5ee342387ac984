package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xenctl.render.view.ListColumn;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of `list --columns name,state,…`: the columns by name, in the order given, each once. A record rather
 * than a List: picocli would take a List-typed option for one that repeats.
 */
record ListColumns(List<ListColumn> columns) {

    /** The names --columns takes, for its help; a constant, since every `list` line declares the option. */
    static final String KNOWN = "id,name,uuid,state,reason,mem,maxmem,vcpus,time";

    /**
     * The columns as --columns takes them. Written out: picocli formats every option's value with String.valueOf, and
     * a record's generated toString is linked at its first call by spinning ~40 method-handle classes (~15 ms of a
     * fresh JVM, outside the class-data archive).
     */
    @Override
    public String toString() {
        StringBuilder keys = new StringBuilder();
        for (ListColumn column : columns) {
            keys.append(keys.isEmpty() ? "" : ",").append(column.key());
        }
        return keys.toString();
    }

    static final class Converter implements ITypeConverter<ListColumns> {
        @Override
        public ListColumns convert(String value) {
            List<ListColumn> columns = new ArrayList<>();
            for (String word : value.split(",", -1)) {
                String key = word.strip().toLowerCase(Locale.ROOT);
                ListColumn column = named(key);
                if (column == null) {
                    throw new TypeConversionException((key.isEmpty() ? "an empty column name"
                            : "unknown column '" + word.strip() + "'") + " in '" + value + "': choose from " + KNOWN);
                }
                if (columns.contains(column)) {
                    throw new TypeConversionException("column '" + key + "' is named twice in '" + value + "'");
                }
                columns.add(column);
            }
            return new ListColumns(List.copyOf(columns));
        }

        private static ListColumn named(String key) {
            for (ListColumn column : ListColumn.values()) {
                if (column.key().equals(key)) {
                    return column;
                }
            }
            return null;
        }
    }
}
