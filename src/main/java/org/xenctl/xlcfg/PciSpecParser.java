package org.xenctl.xlcfg;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a PCI_SPEC_STRING ({@code [DDDD:]BB:SS.F[@VSLOT][,key=value]*}, or {@code bdf=}/{@code name=} among the
 * keys) and a plain BDF. Where xl is sloppy ({@code permissive=yes} silently 0, an empty value silently 0) xenctl
 * refuses unless in compat mode; a blank after a comma, which xl reports as an unknown key, gets a message that
 * names the blank.
 */
public final class PciSpecParser {
    private static final Pattern BDF = Pattern.compile(
            "(?:([0-9a-fA-F]{1,4}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-7]|\\*)");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,8}");

    private PciSpecParser() {
    }

    /** The parsed spec, or null if it has errors (they are in the report). */
    public static PciSpec parse(String spec, SpecReport report) {
        long errorsBefore = report.errorCount();
        Values v = new Values();
        String[] items = spec.split(",", -1);
        int at = 0;
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            int offset = at;
            at += item.length() + 1;
            if (i == 0 && !item.contains("=")) {
                int atSign = item.indexOf('@');
                v.bdf = bdf(atSign < 0 ? item : item.substring(0, atSign), true, offset, report);
                if (atSign >= 0) {
                    v.vslot = vslot(item.substring(atSign + 1), offset + atSign + 1, report);
                }
                continue;
            }
            option(item, offset, v, report);
        }
        if (v.bdf == null && v.name == null && report.errorCount() == errorsBefore) {
            report.error(0, "no device: give a BDF (e.g. 01:00.0) or name=", "write '01:00.0' or 'bdf=01:00.0'");
        }
        if (v.bdf != null && v.name != null) {
            report.error(0, "both a BDF and name= are given", "keep one of them");
        }
        if (report.errorCount() > errorsBefore) {
            return null;
        }
        return new PciSpec(v.bdf, v.vslot, v.name, v.permissive, v.msitranslate, v.seize, v.powerMgmt, v.rdmPolicy);
    }

    /**
     * A BDF {@code [DDDD:]BB:SS.F}, hex, with xl's limits; {@code *} as the function only where allowed.
     */
    public static PciSpec.Bdf bdf(String text, boolean allowAllFunctions, int at, SpecReport report) {
        Matcher m = BDF.matcher(text);
        if (!m.matches()) {
            report.error(at, "'" + text + "' is not a PCI address", "write [DDDD:]BB:SS.F in hex, e.g. 0000:03:00.0");
            return null;
        }
        int slot = Integer.parseInt(m.group(3), 16);
        if (slot > 0x1f) {
            report.error(at, "slot " + m.group(3) + " of '" + text + "' is above 1f", "a PCI slot is 00 to 1f");
            return null;
        }
        if (m.group(4).equals("*") && !allowAllFunctions) {
            report.error(at, "'*' (every function) is not allowed here", "give one function, e.g. 03:00.0");
            return null;
        }
        int domain = m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16);
        Integer function = m.group(4).equals("*") ? null : Integer.valueOf(m.group(4));
        return new PciSpec.Bdf(domain, Integer.parseInt(m.group(2), 16), slot, function);
    }

    private static void option(String item, int at, Values v, SpecReport report) {
        int equals = item.indexOf('=');
        if (equals < 0) {
            report.error(at, "'" + item + "' is not key=value", "options are written key=value, e.g. permissive=1; "
                    + "the BDF comes first");
            return;
        }
        String key = item.substring(0, equals);
        String value = item.substring(equals + 1);
        if (!key.equals(key.strip())) {
            report.error(at, "key '" + key + "' has blanks around it (xl reads them as part of the key)",
                    "write '" + key.strip() + "=" + value + "' with no blank after the comma");
            return;
        }
        switch (key) {
            case "bdf" -> v.bdf = bdf(value, true, at + equals + 1, report);
            case "vslot" -> v.vslot = vslot(value, at + equals + 1, report);
            case "name" -> {
                if (value.isEmpty()) {
                    report.error(at, "name= is empty", "give the name used with pci-assignable-add -n");
                }
                v.name = value;
            }
            case "permissive" -> v.permissive = flag(key, value, at, report);
            case "msitranslate" -> v.msitranslate = flag(key, value, at, report);
            case "seize" -> v.seize = flag(key, value, at, report);
            case "power_mgmt" -> v.powerMgmt = flag(key, value, at, report);
            case "rdm_policy" -> {
                if (value.equals("strict") || value.equals("relaxed")) {
                    v.rdmPolicy = value;
                } else {
                    report.error(at, "rdm_policy must be strict or relaxed, not '" + value + "'",
                            "write rdm_policy=strict");
                }
            }
            default -> report.error(at, "unknown key '" + key + "'", "known keys: bdf, vslot, name, permissive, "
                    + "msitranslate, seize, power_mgmt, rdm_policy");
        }
    }

    /** xl reads these with atoi: "1" is true, "yes" and "" are silently false. */
    private static Boolean flag(String key, String value, int at, SpecReport report) {
        if (value.matches("-?[0-9]+")) {
            return !value.replaceFirst("^-?0*", "").isEmpty();
        }
        report.sloppy(at, key + " takes 0 or 1, not '" + value + "' (xl would read it as 0)",
                "write " + key + "=1 or " + key + "=0");
        return atoi(value) != 0;
    }

    private static long atoi(String value) {
        Matcher m = Pattern.compile("^[ \t]*([+-]?[0-9]+)").matcher(value);
        // Only whether it is zero matters, so no digit string can overflow it.
        return m.find() && !m.group(1).replaceFirst("^[+-]?0*", "").isEmpty() ? 1 : 0;
    }

    private static Integer vslot(String text, int at, SpecReport report) {
        if (!HEX.matcher(text).matches() || text.replaceFirst("^0+", "").length() > 2) {
            report.error(at, "vslot '" + text + "' is not a slot number", "a vslot is hex, 00 to 1f");
            return null;
        }
        return Integer.parseInt(text, 16);
    }


    private static final class Values {
        PciSpec.Bdf bdf;
        Integer vslot;
        String name;
        Boolean permissive;
        Boolean msitranslate;
        Boolean seize;
        Boolean powerMgmt;
        String rdmPolicy;
    }
}
