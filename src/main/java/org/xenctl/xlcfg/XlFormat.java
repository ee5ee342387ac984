package org.xenctl.xlcfg;

/** Writes values in xl.cfg syntax, with the escapes xl's lexer understands. */
public final class XlFormat {
    private XlFormat() {
    }

    /** A string quoted with {@code quote} (' or "), backslashes, quotes and control characters escaped. */
    public static String quote(String value, char quote) {
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '\b' -> out.append("\\b");
                case 7 -> out.append("\\a");
                case 11 -> out.append("\\v");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }
}
