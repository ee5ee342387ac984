package org.xenctl.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * A memory size as xl's mem-set and mem-max read it: a whole number with at most one suffix, b, k, m, g or t (any
 * case), MiB when there is none; bytes are rounded down to KiB as xl does. Unlike xl's strtoll, a sign, blanks,
 * fractions and sizes that overflow are refused instead of read as something else.
 */
final class MemorySize {
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,19})([bBkKmMgGtT]?)");
    /** 1 EiB: more than any Xen host has, and far from overflowing a KiB count. */
    private static final long MAX_KIB = 1L << 50;

    private MemorySize() {
    }

    static long kib(String text) {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new XenctlException(ErrorCode.USAGE, "'" + text + "' is not a memory size", "a whole number with "
                    + "an optional unit: 512m, 2g, 1048576k (no unit: MiB)");
        }
        long value;
        try {
            value = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            throw tooLarge(text);
        }
        int shift = switch (Character.toLowerCase(matcher.group(2).isEmpty() ? 'm' : matcher.group(2).charAt(0))) {
            case 't' -> 30;
            case 'g' -> 20;
            case 'm' -> 10;
            case 'k' -> 0;
            default -> -10;  // b
        };
        if (shift < 0) {
            return value >> 10;
        }
        if (value > (MAX_KIB >> shift)) {
            throw tooLarge(text);
        }
        return value << shift;
    }

    private static XenctlException tooLarge(String text) {
        return new XenctlException(ErrorCode.USAGE, "'" + text + "' is larger than any host's memory",
                "give the size in MiB (512) or with a unit (2g)");
    }

    /** As xenctl prints a size: MiB when whole, else KiB. */
    static String text(long kib) {
        return kib % 1024 == 0 ? kib / 1024 + " MiB" : kib + " KiB";
    }
}
