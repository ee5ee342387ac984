package org.xenctl.domain.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.xenctl.domain.DomainNames;
import org.xenctl.xlcfg.XlConfig;
import org.xenctl.xlcfg.XlConfigException;
import org.xenctl.xlcfg.XlEntry;
import org.xenctl.xlcfg.XlProblem;
import org.xenctl.xlcfg.XlValue;

/**
 * xl's semantics: an {@link XlConfig} becomes a {@link DomainSpec} with xl's defaults (on_crash=destroy,
 * maxmem=memory, cmdline or root+extra, type and the deprecated builder; the devices, with the {@code pci_*}
 * defaults applied per device, in {@link XlDevices}). What libvirt's libxl driver cannot carry is a warning at the
 * key's line, never dropped silently.
 */
public final class XlDomainReader {
    /** libxl's memory when none is given (b_info max_memkb default). */
    static final long DEFAULT_MEMORY_MIB = 32;
    /** 1 EiB in MB: larger is a typo or an overflow (in KiB, libvirt's unit, it would wrap around). */
    static final long MAX_MEMORY_MIB = 1L << 40;
    /** Far above any host (a vCPU count this large is a typo or an overflow). */
    static final long MAX_VCPUS = 65535;
    /** VNC displays are ports 5900 + N. */
    static final long MAX_VNC_DISPLAY = 65535 - 5900;
    private static final Set<String> ACTIONS = Set.of("destroy", "restart", "rename-restart", "preserve",
            "coredump-destroy", "coredump-restart", "soft-reset");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CPU_LIST = Pattern.compile("\\^?[0-9]+(-[0-9]+)?(,\\^?[0-9]+(-[0-9]+)?)*");

    private final ConfigValues values;

    private XlDomainReader(ConfigValues values) {
        this.values = values;
    }

    /** The result of reading a config: the domain, and the warnings (in file order). */
    public record Reading(DomainSpec spec, List<XlProblem> warnings) {
    }

    /**
     * Reads a parsed config; throws {@link XlConfigException} with every error (and the warnings so far).
     *
     * @param compat accept what xl accepts, with warnings, where xenctl would refuse it
     */
    public static Reading read(XlConfig config, boolean compat) {
        List<XlProblem> problems = new ArrayList<>(config.warnings());
        DomainSpec spec = new XlDomainReader(new ConfigValues(config, compat, problems)).spec();
        problems.sort(XlDomainReader::byPlace);
        if (problems.stream().anyMatch(XlProblem::isError)) {
            throw new XlConfigException(problems);
        }
        return new Reading(spec, problems);
    }

    private static int byPlace(XlProblem a, XlProblem b) {
        if (a.position() == null || b.position() == null) {
            return a.position() == null ? (b.position() == null ? 0 : 1) : -1;
        }
        int line = Integer.compare(a.position().line(), b.position().line());
        return line != 0 ? line : Integer.compare(a.position().column(), b.position().column());
    }

    private DomainSpec spec() {
        String name = name();
        String uuid = values.string("uuid").filter(this::validUuid).orElse(null);
        GuestType type = type();
        long memory = values.number("memory").orElse(DEFAULT_MEMORY_MIB);
        long maxMemory = values.number("maxmem").orElse(memory);
        if (memory <= 0) {
            values.error("memory", "must be a positive number of MB, not " + memory, "write memory = 512");
        } else if (memory > MAX_MEMORY_MIB || maxMemory > MAX_MEMORY_MIB) {
            String key = memory > MAX_MEMORY_MIB ? "memory" : "maxmem";
            values.error(key, "more than " + MAX_MEMORY_MIB + " MB (1 EiB) is not a memory size", "sizes are in MB: "
                    + "write " + key + " = 512");
            memory = Math.min(memory, MAX_MEMORY_MIB);
            maxMemory = Math.max(memory, Math.min(maxMemory, MAX_MEMORY_MIB));
        } else if (maxMemory < memory) {
            values.error("maxmem", maxMemory + " MB is less than memory (" + memory + " MB)",
                    "maxmem is at least memory; leave it out to use memory");
        }
        if (type == GuestType.HVM && maxMemory > memory) {
            values.warning("maxmem", "an HVM guest started with maxmem > memory needs a balloon driver before it "
                    + "touches the extra memory", null);
        }
        long vcpusAsked = values.number("vcpus").orElse(1L);
        long maxVcpusAsked = values.number("maxvcpus").orElse(vcpusAsked);
        if (vcpusAsked > MAX_VCPUS || maxVcpusAsked > MAX_VCPUS) {
            values.error(vcpusAsked > MAX_VCPUS ? "vcpus" : "maxvcpus", "more than " + MAX_VCPUS + " vCPUs",
                    "write vcpus = 2");
        }
        int vcpus = (int) Math.max(Math.min(vcpusAsked, MAX_VCPUS), Integer.MIN_VALUE);
        int maxVcpus = (int) Math.max(Math.min(maxVcpusAsked, MAX_VCPUS), Integer.MIN_VALUE);
        if (vcpus < 1) {
            values.error("vcpus", "must be at least 1", "write vcpus = 1");
        } else if (maxVcpus < vcpus) {
            values.error("maxvcpus", maxVcpus + " is less than vcpus (" + vcpus + ")", "raise maxvcpus or leave "
                    + "it out");
        }
        List<String> pins = new ArrayList<>();
        String cpus = cpus(pins);
        Boot boot = boot(type);
        Actions actions = actions();
        XlDevices devices = new XlDevices(values);
        List<Disk> disks = devices.disks();
        List<Nic> nics = devices.nics();
        List<PciAssignment> pci = devices.pci();
        boolean e820 = values.bool("e820_host").orElse(false);
        if (type == GuestType.PV && !pci.isEmpty() && !e820) {
            e820 = true;
            if (values.has("e820_host")) {
                values.warning("e820_host", "xl turns it on for a PV guest with PCI devices", null);
            }
        }
        String passthrough = devices.passthrough();
        Graphics graphics = graphics(type);
        String serial = serial();
        DomainSpec.HvmFeatures features = features(type);
        DomainSpec.Clock clock = clock(type);
        driverDomain();
        ignoredKeys();
        return new DomainSpec(name, uuid == null ? null : canonicalUuid(uuid), type, memory, maxMemory, vcpus,
                maxVcpus, cpus, pins, boot, actions, disks, nics, pci, e820, passthrough, graphics, serial, features,
                clock);
    }

    private String name() {
        Optional<String> name = values.string("name");
        if (name.isEmpty()) {
            if (!values.has("name")) {
                values.errorAt(null, "name is missing: every domain needs one", "add name = \"…\"");
            }
            return null;
        }
        DomainNames.whyUnusable(name.get()).ifPresent(why -> values.error("name", "'" + name.get()
                + "' is not a usable domain name: " + why, DomainNames.HINT));
        return name.get();
    }

    private boolean validUuid(String uuid) {
        if (UUID.matcher(uuid).matches()) {
            return true;
        }
        // xl (libxl_uuid_from_string) wants the dashes too: without them, xl refuses the file.
        values.error("uuid", "'" + uuid + "' is not a UUID", "write 8-4-4-4-12 hex digits with the dashes, or "
                + "leave it out");
        return false;
    }

    private static String canonicalUuid(String uuid) {
        String hex = uuid.replace("-", "").toLowerCase();
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private GuestType type() {
        Optional<String> type = values.string("type");
        Optional<String> builder = values.string("builder");
        if (type.isPresent()) {
            if (builder.isPresent()) {
                values.warning("builder", "ignored: type is given", "remove builder");
            }
            return switch (type.get()) {
                case "pv" -> GuestType.PV;
                case "pvh" -> GuestType.PVH;
                case "hvm" -> GuestType.HVM;
                default -> {
                    values.error("type", "unknown guest type '" + type.get() + "'", "type is \"pv\", \"pvh\" or "
                            + "\"hvm\"");
                    yield GuestType.PV;
                }
            };
        }
        if (builder.isPresent()) {
            String replacement = builder.get().equals("hvm") ? "hvm" : "pv";
            if (!builder.get().equals("hvm") && !builder.get().equals("generic")) {
                values.error("builder", "unknown builder '" + builder.get() + "'", "write type = \"pv\", \"pvh\" or "
                        + "\"hvm\"");
            } else {
                values.warning("builder", "deprecated", "write type = \"" + replacement + "\"");
            }
            return replacement.equals("hvm") ? GuestType.HVM : GuestType.PV;
        }
        return GuestType.PV;
    }

    private String cpus(List<String> pins) {
        Optional<XlEntry> entry = values.entry("cpus");
        if (entry.isEmpty()) {
            return null;
        }
        if (entry.get().value() instanceof XlValue.Items items) {
            for (XlValue item : items.items()) {
                String set = item.atom();
                if (set == null || !validCpus(set)) {
                    values.error("cpus", "'" + (set == null ? "[…]" : set) + "' is not a CPU list",
                            "write e.g. cpus = [\"0\", \"2-3\"] (one set per vCPU)");
                    return null;
                }
                pins.add(set);
            }
            return null;
        }
        String set = entry.get().value().atom();
        if (set.equals("all")) {
            return null;
        }
        if (set.startsWith("node:") || set.startsWith("nodes:")) {
            values.warning("cpus", "NUMA node sets are not carried to libvirt", "give the pCPUs, e.g. cpus = \"0-3\"");
            return null;
        }
        if (!validCpus(set)) {
            values.error("cpus", "'" + set + "' is not a CPU list", "write e.g. cpus = \"0-3,^1\"");
            return null;
        }
        return set;
    }

    private static boolean validCpus(String set) {
        return CPU_LIST.matcher(set).matches() || set.equals("all");
    }

    private Boot boot(GuestType type) {
        String kernel = values.string("kernel").orElse(null);
        String ramdisk = values.string("ramdisk").orElse(null);
        Optional<String> cmdline = values.string("cmdline");
        Optional<String> root = values.string("root");
        Optional<String> extra = values.string("extra");
        String commandLine;
        if (cmdline.isPresent()) {
            commandLine = cmdline.get();
            for (String ignored : List.of("root", "extra")) {
                if (values.has(ignored)) {
                    values.warning(ignored, "ignored because cmdline is set (as xl does)", "fold it into cmdline");
                }
            }
        } else if (root.isPresent() || extra.isPresent()) {
            String rootPart = root.map(r -> "root=" + r).orElse("");
            String extraPart = extra.orElse("");
            commandLine = rootPart.isEmpty() ? extraPart : extraPart.isEmpty() ? rootPart : rootPart + " " + extraPart;
        } else {
            commandLine = null;
        }
        String bootloader = values.string("bootloader").orElse(null);
        List<String> bootloaderArgs = bootloaderArgs();
        String firmware = firmware(type);
        if (type == GuestType.PV && kernel == null && bootloader == null) {
            values.errorAt(null, "a PV guest needs kernel = \"…\" or bootloader = \"pygrub\"",
                    "add one of them (or type = \"hvm\" for a guest that boots from its disk)");
        }
        if (type != GuestType.PV && bootloader != null) {
            values.warning("bootloader", "only PV guests use a bootloader", "remove it");
            bootloader = null;
        }
        String bootOrder = values.string("boot").orElse(null);
        if (bootOrder != null) {
            if (type != GuestType.HVM) {
                values.warning("boot", "only HVM guests have a boot order", "remove it");
                bootOrder = null;
            } else if (!bootOrder.matches("[cdn]+")) {
                values.error("boot", "'" + bootOrder + "' is not a boot order", "use the letters c (disk), d "
                        + "(cdrom) and n (network), e.g. boot = \"dc\"");
            }
        }
        return new Boot(kernel, ramdisk, commandLine, bootloader, bootloaderArgs, firmware, bootOrder);
    }

    private List<String> bootloaderArgs() {
        Optional<XlEntry> entry = values.entry("bootloader_args");
        if (entry.isEmpty()) {
            return List.of();
        }
        if (entry.get().value() instanceof XlValue.Items items) {
            List<String> args = new ArrayList<>();
            for (XlValue item : items.items()) {
                if (item.atom() == null) {
                    values.error("bootloader_args", "items must be strings", "write [\"-q\", \"--args=…\"]");
                    return List.of();
                }
                args.add(item.atom());
            }
            return args;
        }
        values.warning("bootloader_args", "a string is deprecated: xl splits it at blanks", "write a list, e.g. "
                + "bootloader_args = [\"-q\"]");
        return Arrays.stream(entry.get().value().atom().trim().split("[ \t]+")).filter(a -> !a.isEmpty()).toList();
    }

    private String firmware(GuestType type) {
        Optional<String> firmware = values.string("firmware");
        if (firmware.isEmpty()) {
            return null;
        }
        String value = firmware.get();
        if (type == GuestType.HVM) {
            switch (value) {
                case "bios", "seabios", "rombios" -> {
                    return "bios";
                }
                case "uefi", "ovmf" -> {
                    return "uefi";
                }
                default -> {
                    values.warning("firmware", "a firmware path is not carried to libvirt", "use \"bios\" or "
                            + "\"uefi\"");
                    return null;
                }
            }
        }
        if (values.string("kernel").isPresent()) {
            // As xl: "both kernel and firmware specified".
            values.error("firmware", "a " + type.xlName() + " guest boots either a kernel or a firmware, not both",
                    "remove firmware = \"" + value + "\" or kernel = \"…\"");
            return null;
        }
        values.warning("firmware", "'" + value + "' for a " + type.xlName() + " guest is not carried to libvirt",
                "boot it with kernel = \"…\" (e.g. the pvgrub image) instead");
        return null;
    }

    private Actions actions() {
        String onPoweroff = action("on_poweroff", Actions.XL_DEFAULTS.onPoweroff(), false);
        String onReboot = action("on_reboot", Actions.XL_DEFAULTS.onReboot(), false);
        String onCrash = action("on_crash", Actions.XL_DEFAULTS.onCrash(), true);
        String onWatchdog = action("on_watchdog", "destroy", true);
        if (!onWatchdog.equals("destroy")) {
            values.warning("on_watchdog", "not carried to libvirt: the guest gets libxl's default (destroy)", null);
        }
        String onSoftReset = action("on_soft_reset", "soft-reset", true);
        if (!onSoftReset.equals("soft-reset")) {
            values.warning("on_soft_reset", "not carried to libvirt: the guest gets libxl's default (soft-reset)",
                    null);
        }
        return new Actions(onPoweroff, onReboot, onCrash);
    }

    private String action(String key, String fallback, boolean coredumpAllowed) {
        Optional<String> value = values.string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String action = value.get();
        if (!ACTIONS.contains(action)) {
            values.error(key, "unknown action '" + action + "'", "actions are destroy, restart, rename-restart, "
                    + "preserve, coredump-destroy, coredump-restart and soft-reset");
            return fallback;
        }
        boolean libvirtKnows = !action.equals("soft-reset") && (coredumpAllowed || !action.startsWith("coredump"));
        if (!libvirtKnows && !key.equals("on_watchdog") && !key.equals("on_soft_reset")) {
            values.warning(key, "'" + action + "' cannot be expressed in libvirt's " + key + "; '" + fallback
                    + "' is used", null);
            return fallback;
        }
        return action;
    }












    private Graphics graphics(GuestType type) {
        if (type == GuestType.HVM) {
            boolean vnc = values.bool("vnc").orElse(false);
            String listen = values.string("vnclisten").orElse(null);
            Long display = values.number("vncdisplay").orElse(null);
            if (display != null && (display < 0 || display > MAX_VNC_DISPLAY)) {
                values.error("vncdisplay", display + " is not a VNC display: 0 to " + MAX_VNC_DISPLAY + " (port 5900 "
                        + "+ N)", "leave it out to let the host choose");
                display = null;
            }
            String password = values.string("vncpasswd").orElse(null);
            String keymap = values.string("keymap").orElse(null);
            values.bool("vncunused");
            return vnc ? new Graphics(listen, display == null ? null : display.intValue(), password, keymap) : null;
        }
        Optional<List<XlValue>> vfbs = values.list("vfb");
        if (vfbs.isEmpty() || vfbs.get().isEmpty()) {
            return null;
        }
        String spec = vfbs.get().get(0).atom();
        if (spec == null) {
            values.error("vfb", "each entry must be a string", "write vfb = [ 'vnc=1' ]");
            return null;
        }
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.strip().split("=", 2);
            options.put(kv[0], kv.length == 2 ? kv[1] : "1");
        }
        if (!"1".equals(options.get("vnc"))) {
            values.warning("vfb", "only a VNC framebuffer (vnc=1) is carried to libvirt", null);
            return null;
        }
        String display = options.get("vncdisplay");
        boolean number = display != null && display.matches("[0-9]{1,9}");
        if (display != null && (!number || Integer.parseInt(display) > MAX_VNC_DISPLAY)) {
            values.error("vfb", "vncdisplay=" + display + " is not a VNC display: 0 to " + MAX_VNC_DISPLAY
                    + " (port 5900 + N)", "leave it out to let the host choose");
            return null;
        }
        return new Graphics(options.get("vnclisten"), display == null ? null : Integer.valueOf(display),
                options.get("vncpasswd"), options.get("keymap"));
    }

    private String serial() {
        Optional<XlEntry> entry = values.entry("serial");
        if (entry.isEmpty()) {
            return null;
        }
        XlValue value = entry.get().value();
        String first = value instanceof XlValue.Items items ? (items.items().isEmpty() ? null
                : items.items().get(0).atom()) : value.atom();
        if ("pty".equals(first)) {
            return "pty";
        }
        values.warning("serial", "only serial = \"pty\" is carried to libvirt", null);
        return null;
    }

    private DomainSpec.HvmFeatures features(GuestType type) {
        DomainSpec.HvmFeatures d = DomainSpec.HvmFeatures.XL_DEFAULTS;
        if (type != GuestType.HVM) {
            for (String key : List.of("acpi", "apic", "pae", "hap", "viridian", "nestedhvm")) {
                if (values.has(key)) {
                    values.entry(key);
                    values.warning(key, "only HVM guests have it", "remove it");
                }
            }
            return null;
        }
        boolean viridian;
        Optional<XlEntry> v = values.entry("viridian");
        if (v.isPresent() && v.get().value() instanceof XlValue.Items) {
            viridian = true;
            values.warning("viridian", "viridian enlightenment groups are not carried; all of libvirt's defaults "
                    + "are enabled", "write viridian = 1");
        } else {
            viridian = values.bool("viridian").orElse(d.viridian());
        }
        return new DomainSpec.HvmFeatures(values.bool("acpi").orElse(d.acpi()), values.bool("apic").orElse(d.apic()),
                values.bool("pae").orElse(d.pae()), values.bool("hap").orElse(d.hap()), viridian,
                values.bool("nestedhvm").orElse(d.nestedHvm()));
    }

    /** xl's tsc_mode names (and the numbers xl still takes for them) as libvirt's tsc timer modes. */
    private static final List<String> TSC_MODES = List.of("default", "always_emulate", "native", "native_paravirt");

    private DomainSpec.Clock clock(GuestType type) {
        String tscMode = null;
        Optional<XlEntry> tsc = values.entry("tsc_mode");
        if (tsc.isPresent()) {
            String mode = null;
            if (tsc.get().value() instanceof XlValue.Number) {
                long number = values.number("tsc_mode").orElse(-1L);
                if (number >= 0 && number < TSC_MODES.size()) {
                    mode = TSC_MODES.get((int) number);
                    values.warning("tsc_mode", "a number is deprecated (xl says so too): this is \"" + mode + "\"",
                            "write tsc_mode = \"" + mode + "\"");
                }
            } else {
                mode = values.string("tsc_mode").orElse(null);
            }
            boolean reported = mode == null && tsc.get().value() instanceof XlValue.Items;  // string() said so
            if (!reported && (mode == null || !TSC_MODES.contains(mode))) {
                values.error("tsc_mode", "is one of " + String.join(", ", TSC_MODES), "write tsc_mode = \"native\"");
            } else if (mode != null) {
                tscMode = switch (mode) {
                    case "always_emulate" -> "emulate";
                    case "native" -> "native";
                    case "native_paravirt" -> "paravirt";
                    default -> null;
                };
            }
        }
        Boolean hpet = null;
        if (values.has("hpet")) {
            if (type == GuestType.HVM) {
                hpet = values.bool("hpet").orElse(null);
            } else {
                values.entry("hpet");
                values.warning("hpet", "only HVM guests have it", "remove it");
            }
        }
        boolean localtime = values.bool("localtime").orElse(false);
        long offset = values.number("rtc_timeoffset").orElse(0L);
        if (Math.abs(offset) > MAX_RTC_OFFSET_SECONDS) {
            values.error("rtc_timeoffset", "more than " + MAX_RTC_OFFSET_SECONDS + " s (ten thousand years) is not a "
                    + "clock offset", "give seconds, e.g. rtc_timeoffset = 3600");
            offset = 0;
        }
        return new DomainSpec.Clock(tscMode, hpet, localtime, offset);
    }

    private static final long MAX_RTC_OFFSET_SECONDS = 10_000L * 366 * 24 * 3600;

    /**
     * libvirt has no setting for xl's driver_domain, with which libxl gives the domain xenstore directories for libxl
     * and QEMU inside it; xl devd there serves vifs and disks on its block devices without them (the lab shows it).
     */
    private void driverDomain() {
        if (values.bool("driver_domain").orElse(false)) {
            values.warning("driver_domain", "not carried to libvirt, which has no such setting: the domain can "
                    + "still serve vifs and disks on its block devices with xl devd, not QEMU (qdisk) backends",
                    null);
        }
    }

    private void ignoredKeys() {
        for (String key : values.unread()) {
            if (XlKeys.DOCUMENTED.contains(key)) {
                values.warning(key, "not carried to libvirt by xenctl: the domain is created without it", null);
            } else {
                values.warning(key, "unknown key, ignored (as xl does)", XlKeys.nearest(key)
                        .map(k -> "did you mean " + k + "?").orElse(null));
            }
        }
    }
}
