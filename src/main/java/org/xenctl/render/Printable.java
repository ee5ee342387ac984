package org.xenctl.render;

/**
 * Text from outside xenctl (domain names, libvirt's messages, xl.cfg values, the words a user typed) made safe to
 * show on a terminal: control characters are shown as escapes, as {@code ls} and systemd show them, so that a domain
 * named with an escape sequence cannot drive the reader's terminal, and one message stays one line. JSON output
 * escapes the same characters its own way ({@link JsonText}).
 */
public final class Printable {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Printable() {
    }

    /** {@code text} itself when it has no control character (the usual case: no copy), else a copy with escapes. */
    public static String of(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return escaped(text, i);
            }
        }
        return text;
    }

    /** C0 (tab and newline included: they break columns and lines), DEL, and C1, whose U+009B a terminal may take for CSI. */
    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static String escaped(String text, int first) {
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x1b -> out.append("\\e");
                default -> out.append(c < 0x80 ? "\\x" : "\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
