package org.xenctl.xlcfg;

/** Numbers as xl reads them. */
public final class Numbers {
    private Numbers() {
    }

    /** strtol with base 0: decimal, 0x hex, leading-0 octal; null if anything else is left over. */
    public static Long strtol(String text) {
        String t = text.strip();
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || t.startsWith("-") || t.startsWith("+")) {
            return null;
        }
        try {
            long value;
            if (t.startsWith("0x") || t.startsWith("0X")) {
                value = Long.parseLong(t.substring(2), 16);
            } else if (t.length() > 1 && t.startsWith("0")) {
                value = Long.parseLong(t.substring(1), 8);
            } else {
                value = Long.parseLong(t);
            }
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
