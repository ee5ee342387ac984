package org.xenctl.xlcfg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a NET_SPEC_STRING as xl's parse_nic_config does: split at every comma (values cannot hold one), leading
 * blanks dropped, {@code key=value} items and the flags {@code trusted}/{@code untrusted}. xl only warns about an
 * unknown key in a config file; xenctl refuses it unless in compat mode.
 */
public final class NetSpecParser {
    private static final Pattern MAC = Pattern.compile("([0-9a-fA-F]{1,2}:){5}[0-9a-fA-F]{1,2}");
    private static final Pattern RATE = Pattern.compile("([0-9]+)(GB|MB|KB|B|Gb|Mb|Kb|b)?/s(?:@([0-9]+)(us|ms|s)?)?");
    private static final Pattern VLAN_ITEM = Pattern.compile("[0-9]+p?|[0-9]+-[0-9]+u?|[0-9]+\\+[0-9]+x[0-9]+");
    private static final Set<String> KNOWN = Set.of("mac", "bridge", "gatewaydev", "type", "model", "vifname",
            "script", "ip", "backend", "forwarddev", "devid", "mtu", "rate", "vlan");
    private static final long DEFAULT_INTERVAL_MICROS = 50_000;
    private static final String KEYS = "mac, bridge, gatewaydev, type, model, vifname, script, ip, backend, "
            + "forwarddev, devid, mtu, rate, vlan, colo_*; flags: trusted, untrusted";

    private NetSpecParser() {
    }

    /** The parsed interface, or null if the spec has errors (they are in the report). */
    public static NetSpec parse(String spec, SpecReport report) {
        long errorsBefore = report.errorCount();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> colo = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        Boolean trusted = null;
        int at = 0;
        for (String raw : spec.split(",", -1)) {
            int offset = at;
            at += raw.length() + 1;
            String item = raw.stripLeading();
            offset += raw.length() - item.length();
            if (item.isEmpty()) {
                continue;
            }
            int equals = item.indexOf('=');
            if (equals < 0) {
                switch (item) {
                    case "trusted" -> trusted = true;
                    case "untrusted" -> trusted = false;
                    case "accel" -> report.warning(offset, "'accel' is ignored (as by xl)", "remove it");
                    default -> report.sloppy(offset, "'" + item + "' is neither key=value nor a known flag",
                            "known keys: " + KEYS);
                }
                continue;
            }
            String key = item.substring(0, equals);
            String value = item.substring(equals + 1);
            if (key.equals("netdev")) {
                report.warning(offset, "'netdev' is deprecated", "write gatewaydev=" + value);
                key = "gatewaydev";
            }
            if (key.startsWith("colo_")) {
                colo.put(key, value);
            } else if (key.equals("accel")) {
                report.warning(offset, "'accel' is ignored (as by xl)", "remove it");
            } else if (KNOWN.contains(key)) {
                check(key, value, offset, report);
                values.put(key, value);
            } else {
                report.sloppy(offset, "unknown key '" + key + "'", "known keys: " + KEYS);
                unknown.add(item);
            }
        }
        if (report.errorCount() > errorsBefore) {
            return null;
        }
        return new NetSpec(values.get("mac"), values.get("bridge"), values.get("gatewaydev"), values.get("type"),
                values.get("model"), values.get("vifname"), values.get("script"), ips(values.get("ip")),
                values.get("backend"), values.get("forwarddev"), integer(values.get("devid")),
                integer(values.get("mtu")), rate(values.get("rate")), values.get("vlan"), trusted, colo, unknown);
    }

    private static void check(String key, String value, int at, SpecReport report) {
        switch (key) {
            case "mac" -> {
                if (!MAC.matcher(value).matches()) {
                    report.error(at, "invalid mac '" + value + "'", "a MAC address is six hex octets, e.g. "
                            + "mac=00:16:3e:01:02:03");
                } else if ((Integer.parseInt(value.substring(0, value.indexOf(':')), 16) & 1) != 0) {
                    report.error(at, "mac " + value + " is a multicast address", "the first octet must be even");
                }
            }
            case "type" -> {
                if (!value.equals("ioemu") && !value.equals("vif")) {
                    report.sloppy(at, "type must be ioemu or vif, not '" + value + "'", "write type=vif or "
                            + "type=ioemu");
                }
            }
            case "devid", "mtu" -> {
                if (!value.matches("[0-9]+") || value.length() > 9) {
                    report.error(at, key + " must be a non-negative integer, not '" + value + "'",
                            "write " + key + "=" + (key.equals("mtu") ? "1500" : "0"));
                }
            }
            case "rate" -> {
                if (!RATE.matcher(value).matches()) {
                    report.error(at, "invalid rate '" + value + "'", "write RATE/s[@INTERVAL], e.g. rate=10Mb/s@20ms "
                            + "(units GB MB KB B for bytes, Gb Mb Kb b for bits; interval in s, ms or us)");
                } else if (rate(value) == null) {
                    report.error(at, "rate '" + value + "' is too large to count", "write a rate below 8 EB/s, "
                            + "e.g. rate=10Gb/s, and an interval below 292 000 years");
                }
            }
            case "vlan" -> {
                if (Arrays.stream(value.split("/", -1)).anyMatch(v -> !VLAN_ITEM.matcher(v).matches())) {
                    report.error(at, "invalid vlan '" + value + "'", "write e.g. vlan=10p/20/30-40u/50+10x3");
                }
            }
            default -> {
            }
        }
    }

    private static List<String> ips(String value) {
        return value == null ? List.of() : Arrays.stream(value.trim().split("[ \t]+")).filter(s -> !s.isEmpty())
                .toList();
    }

    private static Integer integer(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    /** The rate, or null when it is not one or does not fit in 64 bits (bytes per second, microseconds). */
    static NetSpec.Rate rate(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = RATE.matcher(value);
        if (!m.matches()) {
            return null;
        }
        try {
            return rate(m, value);
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return null;
        }
    }

    private static NetSpec.Rate rate(Matcher m, String value) {
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        long bytes = switch (unit) {
            case "GB" -> Math.multiplyExact(amount, 1_000_000_000L);
            case "MB" -> Math.multiplyExact(amount, 1_000_000L);
            case "KB" -> Math.multiplyExact(amount, 1_000L);
            case "Gb" -> Math.multiplyExact(amount, 1_000_000_000L) / 8;
            case "Mb" -> Math.multiplyExact(amount, 1_000_000L) / 8;
            case "Kb" -> Math.multiplyExact(amount, 1_000L) / 8;
            case "b" -> amount / 8;
            default -> amount;
        };
        long interval = DEFAULT_INTERVAL_MICROS;
        if (m.group(3) != null) {
            long n = Long.parseLong(m.group(3));
            String u = m.group(4) == null ? "us" : m.group(4);
            interval = switch (u) {
                case "s" -> Math.multiplyExact(n, 1_000_000L);
                case "ms" -> Math.multiplyExact(n, 1_000L);
                default -> n;
            };
        }
        return new NetSpec.Rate(bytes, interval, value);
    }

}
