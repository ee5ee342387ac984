package org.xenctl.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A host PCI function, DDDD:BB:SS.F (the domain may be left out on input, as xl allows: 01:00.0). */
public record PciAddress(int domain, int bus, int slot, int function) implements Comparable<PciAddress> {
    private static final Pattern FORM = Pattern.compile(
            "(?:([0-9a-fA-F]{1,4}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-7])");

    /** Parses a BDF; null if {@code text} is not one. */
    public static PciAddress parseOrNull(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        int slot = Integer.parseInt(m.group(3), 16);
        if (slot > 0x1f) {
            return null;
        }
        return new PciAddress(m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16),
                Integer.parseInt(m.group(2), 16), slot, Integer.parseInt(m.group(4)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04x:%02x:%02x.%x", domain, bus, slot, function);
    }

    @Override
    public int compareTo(PciAddress other) {
        return toString().compareTo(other.toString());
    }
}
