package org.xenctl.xlcfg;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a DISK_SPEC_STRING as libxlutil's disk lexer does: items split at commas, leading blanks ignored,
 * {@code key=value} and bare flags anywhere, other items filling the positional slots target, format, vdev, access in
 * that order, {@code target=} swallowing the rest of the string, and the deprecated
 * {@code [format:]target,vdev[:devtype],access} form.
 */
public final class DiskSpecParser {
    private static final Pattern DEPRECATED_PREFIX = Pattern.compile("^([a-z][a-z0-9]*):");
    private static final Set<String> IGNORED_PREFIXES = Set.of("tapdisk", "tap", "tap2", "aio", "ioemu", "file", "phy");
    private static final Set<String> FORMATS = Set.of("raw", "qcow", "qcow2", "vhd", "qed", "empty");
    private static final Set<String> BACKEND_TYPES = Set.of("phy", "qdisk", "tap", "standalone");
    /** A disk key after a comma in what target= took: meant as a key, not as part of a path. */
    private static final Pattern KEY_IN_TARGET = Pattern.compile(
            ",\\s*(format|vdev|access|devtype|backend|backendtype|script|specification)=");
    private static final String KEYS = "format, vdev, access, devtype, backend, backendtype, script, target, "
            + "specification, grant_usage, colo-host, colo-port, colo-export, active-disk, hidden-disk; flags: cdrom, "
            + "direct-io-safe, discard, no-discard, trusted, untrusted, colo, no-colo";

    private final String spec;
    private final SpecReport report;
    private String target;
    private String format;
    private String vdev;
    private String access;
    private Boolean cdrom;
    private String backend;
    private String backendtype;
    private String script;
    private boolean directIoSafe;
    private Boolean discard;
    private Boolean trusted;
    private String specification;
    private Boolean grantUsage;
    private final Map<String, String> colo = new LinkedHashMap<>();
    private boolean deprecated;

    private DiskSpecParser(String spec, SpecReport report) {
        this.spec = spec;
        this.report = report;
    }

    /** The parsed disk, or null if the spec has errors (they are in the report). */
    public static DiskSpec parse(String spec, SpecReport report) {
        return new DiskSpecParser(spec, report).parse();
    }

    private DiskSpec parse() {
        long errorsBefore = report.errorCount();
        int pos = 0;
        while (pos < spec.length()) {
            while (pos < spec.length() && " \t\n".indexOf(spec.charAt(pos)) >= 0) {
                pos++;
            }
            if (pos >= spec.length()) {
                break;
            }
            if (spec.startsWith("target=", pos)) {
                String rest = spec.substring(pos + "target=".length());
                String value = rest.endsWith(",") ? rest.substring(0, rest.length() - 1) : rest;
                checkNoKeyTaken(value, pos);
                save("target", value, pos);
                break;
            }
            int end = spec.indexOf(',', pos);
            end = end < 0 ? spec.length() : end;
            if (!item(spec.substring(pos, end), pos) || report.errorCount() > errorsBefore) {
                return null;
            }
            pos = end + 1;
        }
        return report.errorCount() > errorsBefore ? null : finish();
    }

    /** Handles one comma-separated item; false stops parsing (xl gives up there too). */
    private boolean item(String item, int at) {
        int equals = item.indexOf('=');
        if (equals >= 0) {
            return keyValue(item.substring(0, equals), item.substring(equals + 1), at);
        }
        switch (item) {
            case "cdrom" -> cdrom = true;
            case "direct-io-safe" -> directIoSafe = true;
            case "discard" -> discard = true;
            case "no-discard" -> discard = false;
            case "trusted" -> trusted = true;
            case "untrusted" -> trusted = false;
            case "colo" -> colo.put("colo", "1");
            case "no-colo" -> colo.put("colo", "0");
            default -> {
                return positionalWithPrefixes(item, at);
            }
        }
        return true;
    }

    private boolean keyValue(String key, String value, int at) {
        switch (key) {
            case "format" -> setFormat(value, at);
            case "vdev" -> save("vdev", value, at);
            case "access" -> setAccess(value, at);
            case "devtype" -> {
                if (value.equals("cdrom") || value.equals("disk")) {
                    cdrom = value.equals("cdrom");
                } else {
                    report.error(at, "unknown devtype '" + value + "'", "devtype is disk or cdrom");
                }
            }
            case "backend" -> backend = saved("backend", backend, value, at);
            case "backendtype" -> {
                if (BACKEND_TYPES.contains(value)) {
                    backendtype = value;
                } else {
                    report.error(at, "unknown backendtype '" + value + "'",
                            "backendtype is phy, qdisk, tap or standalone");
                }
            }
            case "script" -> script = saved("script", script, value, at);
            case "specification" -> {
                if (value.equals("xen") || value.equals("virtio")) {
                    specification = value;
                } else {
                    report.error(at, "unknown specification '" + value + "'", "specification is xen or virtio");
                }
            }
            case "grant_usage" -> {
                if (value.equals("0") || value.equals("1")) {
                    grantUsage = value.equals("1");
                } else {
                    report.error(at, "grant_usage takes 0 or 1, not '" + value + "'", "write grant_usage=1");
                }
            }
            case "colo-host", "colo-export", "active-disk", "hidden-disk" -> colo.put(key, value);
            case "colo-port" -> {
                if (value.matches("[1-9][0-9]*")) {
                    colo.put(key, value);
                } else {
                    report.error(at, "unknown value for colo-port: '" + value + "'", "colo-port is a port number");
                }
            }
            default -> {
                report.error(at, "unknown parameter '" + key + "'",
                        "known keys: " + KEYS + "; a target containing '=' or ',' is written last as target=PATH");
                return false;
            }
        }
        return true;
    }

    private boolean positionalWithPrefixes(String item, int at) {
        Matcher prefix = DEPRECATED_PREFIX.matcher(item);
        while (prefix.find()) {
            String name = prefix.group(1);
            String after = item.substring(name.length() + 1);
            boolean known = FORMATS.contains(name) || IGNORED_PREFIXES.contains(name)
                    || Set.of("iscsi", "nbd", "enbd", "drbd").contains(name);
            if (!known && !after.isEmpty() && Character.isLetterOrDigit(after.charAt(0))) {
                break;
            }
            switch (name) {
                case "raw", "qcow", "qcow2", "vhd" -> setFormat(name, at);
                case "iscsi", "nbd", "enbd", "drbd" -> script = saved("script", script, "block-" + name, at);
                case "tapdisk", "tap", "tap2", "aio", "ioemu", "file", "phy" -> {
                    // xl ignores these prefixes: the backend is chosen by libxl.
                }
                default -> {
                    report.error(at, "unknown deprecated disk prefix '" + name + ":'",
                            "known prefixes are raw: qcow: qcow2: vhd: (format), iscsi: nbd: enbd: drbd: (script) "
                                    + "and tap: tap2: tapdisk: aio: ioemu: file: phy: (ignored); a target containing "
                                    + "':' is written last as target=PATH");
                    return false;
                }
            }
            deprecated = true;
            at += name.length() + 1;
            item = item.substring(name.length() + 1);
            prefix = DEPRECATED_PREFIX.matcher(item);
        }
        return positional(item, at);
    }

    private boolean positional(String item, int at) {
        if (target == null) {
            target = item;
        } else if (!deprecated && format == null) {
            if (target.isEmpty() && vdevAndDevtype(item, at)) {
                format = "empty";
            } else {
                setFormat(item, at);
            }
        } else if (vdev == null) {
            if (!vdevAndDevtype(item, at)) {
                vdev = item;
            }
        } else if (access == null) {
            setAccess(item, at);
        } else {
            report.error(at, "too many positional parameters at '" + item + "'",
                    "the positional order is target, format, vdev, access; name the others (key=value)");
            return false;
        }
        return true;
    }

    /** The deprecated {@code vdev:cdrom} / {@code vdev:disk}; false if the item has no colon. */
    private boolean vdevAndDevtype(String item, int at) {
        int colon = item.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        deprecated = true;
        save("vdev", item.substring(0, colon), at);
        String type = item.substring(colon + 1);
        if (type.equals("cdrom") || type.equals("disk")) {
            cdrom = type.equals("cdrom");
        } else {
            report.error(at + colon + 1, "unknown deprecated type '" + type + "'", "write devtype=cdrom or "
                    + "devtype=disk");
        }
        return true;
    }

    private void setFormat(String value, int at) {
        String wanted = value.isEmpty() ? "raw" : value;
        if (!FORMATS.contains(wanted)) {
            report.error(at, "unknown format '" + value + "'", "format is raw, qcow, qcow2, vhd, qed or empty; "
                    + "the positional order is target, format, vdev, access");
        } else if (format != null && !format.equals(wanted)) {
            report.error(at, "format given twice ('" + format + "', then '" + wanted + "')", "keep one");
        } else {
            format = wanted;
        }
    }

    private void setAccess(String value, int at) {
        switch (value) {
            case "r", "ro" -> access = "ro";
            case "w", "rw", "" -> access = "rw";
            default -> report.error(at, "unknown access '" + value + "'", "access is ro (or r) or rw (or w)");
        }
    }

    private void save(String what, String value, int at) {
        if (what.equals("target")) {
            target = saved(what, target, value, at);
        } else {
            vdev = saved(what, vdev, value, at);
        }
    }

    /** xl refuses to set a string twice, unless the first was empty. */
    private String saved(String what, String current, String value, int at) {
        if (current != null && !current.isEmpty()) {
            report.error(at, what + " given twice ('" + current + "', then '" + value + "')", "keep one");
            return current;
        }
        return value;
    }

    /**
     * target= takes the rest of the spec, commas included (xl-disk-configuration(5): "must be the last"), so in
     * {@code target=/img,vdev=xvdb} the vdev is part of the path: xl then fails for want of a vdev, or, with a vdev
     * before it, makes a disk of a file that does not exist ("/img,access=ro"). A disk key after a comma there is
     * refused (with --compat, a warning) with the spec written the right way round.
     */
    private void checkNoKeyTaken(String value, int at) {
        Matcher key = KEY_IN_TARGET.matcher(value);
        if (key.find()) {
            String path = value.substring(0, key.start());
            String reordered = spec.substring(0, at) + value.substring(key.start() + 1).strip() + ",target=" + path;
            report.sloppy(at, "target= takes the rest of the spec, so '" + key.group(1) + "=' after it is part of the "
                    + "path '" + value + "'", "write target= last: '" + reordered + "'");
        }
    }

    private DiskSpec finish() {
        boolean isCdrom = Boolean.TRUE.equals(cdrom);
        if (vdev == null || vdev.isEmpty()) {
            report.error(0, "no vdev: the guest's device name is missing", "give it as the third item or as "
                    + "vdev=xvda (xvdX, hdX or sdX)");
            return null;
        }
        boolean empty = target == null || target.isEmpty();
        if (empty && !isCdrom) {
            report.error(0, "no target: the disk's backing file or device is missing",
                    "give it first or as target=PATH (only a cdrom may be empty)");
            return null;
        }
        String effectiveFormat = empty ? "empty" : format == null ? "raw" : format;
        String effectiveAccess = access == null ? "rw" : access;
        if (isCdrom && access != null && access.equals("rw")) {
            report.warning(0, "a cdrom is always read-only: access=rw is ignored", "drop access=rw");
        }
        if (isCdrom) {
            effectiveAccess = "ro";
        }
        return new DiskSpec(empty ? null : target, effectiveFormat, vdev, effectiveAccess, isCdrom ? "cdrom" : "disk",
                backend, backendtype, script, directIoSafe, discard, trusted, specification, grantUsage, colo,
                deprecated);
    }

}
