package org.xenctl.domain.spec;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.xlcfg.XlFormat;

/**
 * Writes a {@link DomainSpec} as an xl.cfg file that xl (and xenctl) read back to the same domain. Settings equal to
 * xl's defaults are left out; what xl.cfg cannot say is listed in a comment at the top.
 */
public final class XlConfigWriter {
    private final StringBuilder out = new StringBuilder();

    private XlConfigWriter() {
    }

    /** @param notes what the source had that the file does not carry, one line each */
    public static String write(DomainSpec spec, List<String> notes) {
        XlConfigWriter writer = new XlConfigWriter();
        writer.out.append("# xl.cfg exported by xenctl\n");
        for (String note : notes) {
            writer.out.append("# not exported: ").append(note).append('\n');
        }
        writer.spec(spec);
        return writer.out.toString();
    }

    private void spec(DomainSpec spec) {
        string("name", spec.name());
        string("uuid", spec.uuid());
        string("type", spec.type().xlName());
        number("memory", spec.memoryMiB());
        if (spec.maxMemoryMiB() != spec.memoryMiB()) {
            number("maxmem", spec.maxMemoryMiB());
        }
        number("vcpus", spec.vcpus());
        if (spec.maxVcpus() != spec.vcpus()) {
            number("maxvcpus", spec.maxVcpus());
        }
        if (!spec.vcpuPins().isEmpty()) {
            list("cpus", spec.vcpuPins());
        } else {
            string("cpus", spec.cpus());
        }
        Boot boot = spec.boot();
        string("kernel", boot.kernel());
        string("ramdisk", boot.ramdisk());
        string("cmdline", boot.cmdline());
        string("bootloader", boot.bootloader());
        if (!boot.bootloaderArgs().isEmpty()) {
            list("bootloader_args", boot.bootloaderArgs());
        }
        string("firmware", boot.firmware());
        string("boot", boot.bootOrder());
        Actions actions = spec.actions();
        Actions defaults = Actions.XL_DEFAULTS;
        if (!actions.onPoweroff().equals(defaults.onPoweroff())) {
            string("on_poweroff", actions.onPoweroff());
        }
        if (!actions.onReboot().equals(defaults.onReboot())) {
            string("on_reboot", actions.onReboot());
        }
        if (!actions.onCrash().equals(defaults.onCrash())) {
            string("on_crash", actions.onCrash());
        }
        features(spec.features());
        clock(spec.clock());
        if (spec.e820Host() && (spec.type() != GuestType.PV || spec.pci().isEmpty())) {
            number("e820_host", 1);
        }
        if (spec.passthrough() != null) {
            string("passthrough", spec.passthrough());
        }
        if (!spec.disks().isEmpty()) {
            list("disk", spec.disks().stream().map(XlConfigWriter::disk).toList());
        }
        if (!spec.nics().isEmpty()) {
            list("vif", spec.nics().stream().map(XlConfigWriter::vif).toList());
        }
        if (!spec.pci().isEmpty()) {
            list("pci", spec.pci().stream().map(XlConfigWriter::pci).toList());
        }
        graphics(spec);
        string("serial", spec.serial());
    }

    private void clock(DomainSpec.Clock clock) {
        if (clock == null || clock.isDefault()) {
            return;
        }
        if (clock.tscMode() != null) {
            string("tsc_mode", switch (clock.tscMode()) {
                case "emulate" -> "always_emulate";
                case "paravirt" -> "native_paravirt";
                default -> clock.tscMode();
            });
        }
        if (clock.hpet() != null) {
            number("hpet", clock.hpet() ? 1 : 0);
        }
        if (clock.localtime()) {
            number("localtime", 1);
        }
        if (clock.rtcOffsetSeconds() != 0) {
            number("rtc_timeoffset", clock.rtcOffsetSeconds());
        }
    }

    private void features(DomainSpec.HvmFeatures features) {
        if (features == null) {
            return;
        }
        DomainSpec.HvmFeatures d = DomainSpec.HvmFeatures.XL_DEFAULTS;
        flag("acpi", features.acpi(), d.acpi());
        flag("apic", features.apic(), d.apic());
        flag("pae", features.pae(), d.pae());
        flag("hap", features.hap(), d.hap());
        flag("viridian", features.viridian(), d.viridian());
        flag("nestedhvm", features.nestedHvm(), d.nestedHvm());
    }

    private void flag(String key, boolean value, boolean fallback) {
        if (value != fallback) {
            number(key, value ? 1 : 0);
        }
    }

    private void graphics(DomainSpec spec) {
        Graphics g = spec.graphics();
        if (g == null) {
            return;
        }
        if (spec.type() == GuestType.HVM) {
            number("vnc", 1);
            string("vnclisten", g.listen());
            if (g.display() != null) {
                number("vncdisplay", g.display());
            }
            string("vncpasswd", g.password());
            string("keymap", g.keymap());
            return;
        }
        List<String> options = new ArrayList<>(List.of("vnc=1"));
        if (g.listen() != null) {
            options.add("vnclisten=" + g.listen());
        }
        if (g.display() != null) {
            options.add("vncdisplay=" + g.display());
        }
        if (g.password() != null) {
            options.add("vncpasswd=" + g.password());
        }
        if (g.keymap() != null) {
            options.add("keymap=" + g.keymap());
        }
        list("vfb", List.of(String.join(",", options)));
    }

    /** The key=value form, target last so that any character may stand in it. */
    static String disk(Disk disk) {
        List<String> items = new ArrayList<>();
        items.add("format=" + disk.format());
        items.add("vdev=" + disk.vdev());
        items.add("access=" + disk.access());
        if (disk.cdrom()) {
            items.add("devtype=cdrom");
        }
        if (disk.backendtype() != null) {
            items.add("backendtype=" + disk.backendtype());
        }
        if (disk.backend() != null) {
            items.add("backend=" + disk.backend());
        }
        if (disk.discard() != null) {
            items.add(disk.discard() ? "discard" : "no-discard");
        }
        if (disk.target() != null) {
            items.add("target=" + disk.target());
        }
        return String.join(", ", items);
    }

    static String vif(Nic nic) {
        List<String> items = new ArrayList<>();
        add(items, "mac", nic.mac());
        add(items, "bridge", nic.bridge());
        add(items, "model", nic.model());
        add(items, "vifname", nic.vifname());
        add(items, "script", nic.script());
        if (!nic.ip().isEmpty()) {
            items.add("ip=" + String.join(" ", nic.ip()));
        }
        add(items, "backend", nic.backend());
        if (nic.rate() != null) {
            items.add("rate=" + nic.rate().written());
        }
        if (nic.mtu() != null) {
            items.add("mtu=" + nic.mtu());
        }
        return String.join(",", items);
    }

    private static void add(List<String> items, String key, String value) {
        if (value != null) {
            items.add(key + "=" + value);
        }
    }

    static String pci(PciAssignment pci) {
        StringBuilder spec = new StringBuilder(pci.address().toString());
        if (pci.vslot() != null) {
            spec.append(String.format("@%02x", pci.vslot()));
        }
        if (pci.permissive()) {
            spec.append(",permissive=1");
        }
        if (pci.seize()) {
            spec.append(",seize=1");
        }
        return spec.toString();
    }

    private void string(String key, String value) {
        if (value != null) {
            out.append(key).append(" = ").append(XlFormat.quote(value, '"')).append('\n');
        }
    }

    private void number(String key, long value) {
        out.append(key).append(" = ").append(value).append('\n');
    }

    private void list(String key, List<String> items) {
        out.append(key).append(" = [\n");
        for (String item : items) {
            out.append("    ").append(XlFormat.quote(item, '\'')).append(",\n");
        }
        out.append("]\n");
    }
}
