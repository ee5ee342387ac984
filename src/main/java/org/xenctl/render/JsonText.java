package org.xenctl.render;

import java.util.Arrays;

/**
 * JSON's text, written token by token into one buffer: what {@link Json} walks a view into. Its two forms are
 * Jackson's, character for character (JsonTextTest compares them over random values), so that nothing a script reads
 * changed when xenctl stopped loading jackson-core for it: compact, without a space; pretty as Jackson's default
 * printer, an object's fields one per line indented two spaces for each enclosing object, an array's values on one
 * line ("[ 1, 2 ]", "[ {" for objects), "name" : value, and "{ }", "[ ]" when empty. Strings escape what JSON requires
 * and no more: the quote, the backslash and the control characters (\b \t \n \f \r by name, the others as
 * six-character escapes in upper-case hexadecimal); anything else, non-ASCII included, is written as it is.
 */
final class JsonText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int OBJECT = 1;
    private static final int ARRAY = 2;

    private final StringBuilder out = new StringBuilder(512);
    private final boolean pretty;
    /** The open containers, innermost last: their kind and how many entries each has so far. */
    private int[] kinds = new int[16];
    private int[] counts = new int[16];
    private int open;
    /** Objects open: the pretty form indents by those only, as Jackson's default printer does. */
    private int objects;

    JsonText(boolean pretty) {
        this.pretty = pretty;
    }

    void startObject() {
        beforeValue();
        out.append('{');
        push(OBJECT);
        objects++;
    }

    void endObject() {
        int entries = counts[--open];
        objects--;
        if (pretty) {
            if (entries > 0) {
                newLine();
            } else {
                out.append(' ');
            }
        }
        out.append('}');
    }

    void startArray() {
        beforeValue();
        out.append('[');
        push(ARRAY);
    }

    void endArray() {
        open--;
        if (pretty) {
            out.append(' ');
        }
        out.append(']');
    }

    /** A field's name; its value comes next. */
    void name(String name) {
        if (counts[open - 1]++ > 0) {
            out.append(',');
        }
        if (pretty) {
            newLine();
        }
        quoted(name);
        out.append(pretty ? " : " : ":");
    }

    void string(String value) {
        beforeValue();
        quoted(value);
    }

    void number(long value) {
        beforeValue();
        out.append(value);
    }

    /** NaN and the infinities, which JSON has no number for, as strings ("NaN"), as Jackson writes them. */
    void number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            string(Double.toString(value));
        } else {
            beforeValue();
            out.append(Double.toString(value));
        }
    }

    /** A number already in JSON's syntax (a BigDecimal's or BigInteger's toString). */
    void number(String literal) {
        beforeValue();
        out.append(literal);
    }

    void bool(boolean value) {
        beforeValue();
        out.append(value);
    }

    void nullValue() {
        beforeValue();
        out.append("null");
    }

    String text() {
        return out.toString();
    }

    /** An array's values are separated here; an object's value follows its name, which was. */
    private void beforeValue() {
        if (open > 0 && kinds[open - 1] == ARRAY) {
            if (counts[open - 1]++ > 0) {
                out.append(',');
            }
            if (pretty) {
                out.append(' ');
            }
        }
    }

    private void push(int kind) {
        if (open == kinds.length) {
            kinds = Arrays.copyOf(kinds, open * 2);
            counts = Arrays.copyOf(counts, open * 2);
        }
        kinds[open] = kind;
        counts[open] = 0;
        open++;
    }

    private void newLine() {
        out.append('\n');
        for (int i = 0; i < objects; i++) {
            out.append("  ");
        }
    }

    private void quoted(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {  // DEL and C1 too: JSON read on a terminal stays inert
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
