package org.xenctl.libvirt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.w3c.dom.Element;
import org.xenctl.domain.spec.Actions;
import org.xenctl.domain.spec.Boot;
import org.xenctl.domain.spec.Disk;
import org.xenctl.domain.spec.DomainSpec;
import org.xenctl.domain.spec.GuestType;
import org.xenctl.domain.spec.Nic;
import org.xenctl.domain.spec.Graphics;
import org.xenctl.domain.spec.PciAssignment;
import org.xenctl.domain.DomainResources;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * Reads libvirt domain XML back into a {@link DomainSpec}, for `config export`. Devices xl.cfg cannot describe are
 * listed in {@link Result#notes}, not dropped in silence.
 */
public final class SpecXmlReader {
    private final List<String> notes = new ArrayList<>();

    /**
     * Devices read into the spec, and those libvirt adds to every Xen domain that xl makes by itself (its consoles,
     * input, video, balloon, buses): the others a domain may have (a watchdog, a TPM, an RNG…) xl.cfg cannot say,
     * and each is noted rather than silently left out of the export.
     */
    private static final java.util.Set<String> DEVICES_XL_HAS = java.util.Set.of("disk", "interface", "hostdev",
            "graphics", "serial", "console", "input", "video", "memballoon", "controller", "emulator");

    private void noteDevicesNotRead(Element devices) {
        if (devices == null) {
            return;
        }
        org.w3c.dom.NodeList children = devices.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element device && !DEVICES_XL_HAS.contains(device.getTagName())) {
                notes.add("a <" + device.getTagName() + "> device");
            }
        }
    }

    private SpecXmlReader() {
    }

    /** The domain, and one note for each thing of the XML that an xl.cfg file does not carry. */
    public record Result(DomainSpec spec, List<String> notes) {
    }

    /** INVALID_CONFIG, naming {@code origin}, for XML that is malformed or holds numbers libvirt would not write. */
    public static Result read(String xml, String origin) {
        SpecXmlReader reader = new SpecXmlReader();
        DomainXml parsed = DomainXml.parse(xml, origin);
        try {
            return new Result(reader.spec(parsed), List.copyOf(reader.notes));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new XenctlException(ErrorCode.INVALID_CONFIG, origin + ": a number libvirt would not write ("
                    + e.getMessage() + ")", "give the XML virsh dumpxml writes", e);
        } catch (XenctlException e) {
            throw e.code() == ErrorCode.INVALID_CONFIG ? new XenctlException(ErrorCode.INVALID_CONFIG, origin + ": "
                    + e.getMessage(), e.hint(), e) : e;
        }
    }

    private DomainSpec spec(DomainXml parsed) {
        Element domain = parsed.root();
        Element os = Dom.child(domain, "os");
        GuestType type = GuestType.ofLibvirt(Dom.text(Dom.child(os, "type"), "xen"));
        if (Dom.child(domain, "memory") == null) {
            throw new XenctlException(ErrorCode.INVALID_CONFIG, "the domain has no <memory>",
                    "give the XML virsh dumpxml writes");
        }
        DomainResources resources = parsed.resources();
        String cpuset = Dom.attribute(Dom.child(domain, "vcpu"), "cpuset");
        List<String> pins = new ArrayList<>();
        for (Element pin : Dom.children(Dom.child(domain, "cputune"), "vcpupin")) {
            pins.add(pin.getAttribute("cpuset"));
        }
        String bootloaderArgs = Dom.text(Dom.child(domain, "bootloader_args"), null);
        List<String> bootOrder = new ArrayList<>();
        for (Element boot : Dom.children(os, "boot")) {
            bootOrder.add(switch (boot.getAttribute("dev")) {
                case "cdrom" -> "d";
                case "network" -> "n";
                default -> "c";
            });
        }
        Boot boot = new Boot(Dom.text(Dom.child(os, "kernel"), null), Dom.text(Dom.child(os, "initrd"), null),
                Dom.text(Dom.child(os, "cmdline"), null), Dom.text(Dom.child(domain, "bootloader"), null),
                bootloaderArgs == null ? List.of() : Arrays.asList(bootloaderArgs.trim().split("\\s+")),
                os != null && "efi".equals(os.getAttribute("firmware")) ? "uefi" : null,
                bootOrder.isEmpty() || type != GuestType.HVM ? null : String.join("", bootOrder));
        Actions actions = new Actions(Dom.text(Dom.child(domain, "on_poweroff"), "destroy"),
                Dom.text(Dom.child(domain, "on_reboot"), "restart"), Dom.text(Dom.child(domain, "on_crash"), "destroy"));
        Element features = Dom.child(domain, "features");
        Element devices = Dom.child(domain, "devices");
        noteDevicesNotRead(devices);
        List<PciAssignment> pci = hostdevs(devices);
        Element xen = features == null ? null : Dom.child(features, "xen");
        boolean e820 = xen != null && Dom.child(xen, "e820_host") != null
                && "on".equals(Dom.child(xen, "e820_host").getAttribute("state"));
        String uuid = Dom.text(Dom.child(domain, "uuid"), null);
        return new DomainSpec(Dom.text(Dom.child(domain, "name"), null), uuid, type, resources.memoryKiB() / 1024,
                resources.maxMemoryKiB() / 1024, resources.vcpus(), resources.maxVcpus(),
                cpuset, pins, boot, actions, disks(devices), nics(devices), pci, e820,
                passthrough(xen == null ? null : Dom.child(xen, "passthrough")), graphics(devices),
                serial(devices), type == GuestType.HVM ? hvmFeatures(features, Dom.child(domain, "cpu")) : null,
                clock(Dom.child(domain, "clock")));
    }

    /** {@code <clock>} as libvirt's libxl driver reads it: offset utc, localtime or variable, the tsc and hpet timers. */
    private static DomainSpec.Clock clock(Element clock) {
        if (clock == null) {
            return DomainSpec.Clock.XL_DEFAULTS;
        }
        String offset = clock.getAttribute("offset");
        boolean localtime = offset.equals("localtime")
                || offset.equals("variable") && "localtime".equals(clock.getAttribute("basis"));
        long adjustment = 0;
        if (offset.equals("variable") && !clock.getAttribute("adjustment").isEmpty()) {
            try {
                adjustment = Long.parseLong(clock.getAttribute("adjustment").strip());
            } catch (NumberFormatException e) {
                adjustment = 0;
            }
        }
        String tsc = null;
        Boolean hpet = null;
        for (Element timer : Dom.children(clock, "timer")) {
            if (timer.getAttribute("name").equals("tsc") && !timer.getAttribute("mode").isEmpty()
                    && !timer.getAttribute("mode").equals("auto")) {
                tsc = timer.getAttribute("mode");
            } else if (timer.getAttribute("name").equals("hpet") && !timer.getAttribute("present").isEmpty()) {
                hpet = timer.getAttribute("present").equals("yes");
            }
        }
        return new DomainSpec.Clock(tsc, hpet, localtime, adjustment);
    }

    private static String passthrough(Element passthrough) {
        if (passthrough == null) {
            return null;
        }
        if ("off".equals(passthrough.getAttribute("state"))) {
            return "disabled";
        }
        String mode = passthrough.getAttribute("mode");
        return mode.isEmpty() ? "enabled" : mode;
    }

    private static DomainSpec.HvmFeatures hvmFeatures(Element features, Element cpu) {
        boolean nested = nestedHvm(cpu);
        if (features == null) {
            return new DomainSpec.HvmFeatures(false, false, false, true, false, nested);
        }
        Element hap = Dom.child(features, "hap");
        return new DomainSpec.HvmFeatures(Dom.child(features, "acpi") != null, Dom.child(features, "apic") != null,
                Dom.child(features, "pae") != null, hap == null || !"off".equals(hap.getAttribute("state")),
                Dom.child(features, "viridian") != null, nested);
    }

    /**
     * Nested virtualisation as libvirt's libxl driver decides it: a host-passthrough CPU, unless its vmx or svm
     * feature is disabled or forbidden.
     */
    private static boolean nestedHvm(Element cpu) {
        if (cpu == null || !"host-passthrough".equals(cpu.getAttribute("mode"))) {
            return false;
        }
        for (Element feature : Dom.children(cpu, "feature")) {
            String name = feature.getAttribute("name");
            String policy = feature.getAttribute("policy");
            if ((name.equals("vmx") || name.equals("svm")) && (policy.equals("disable") || policy.equals("forbid"))) {
                return false;
            }
        }
        return true;
    }

    private List<Disk> disks(Element devices) {
        List<Disk> disks = new ArrayList<>();
        for (Element disk : Dom.children(devices, "disk")) {
            String device = disk.getAttribute("device");
            if (!device.isEmpty() && !device.equals("disk") && !device.equals("cdrom")) {
                notes.add("a " + device + " disk device");
                continue;
            }
            Element source = Dom.child(disk, "source");
            String target = source == null ? null : source.hasAttribute("dev") ? source.getAttribute("dev")
                    : source.hasAttribute("file") ? source.getAttribute("file") : null;
            Element driver = Dom.child(disk, "driver");
            String format = target == null ? "empty" : driver != null && driver.hasAttribute("type")
                    ? driver.getAttribute("type") : "raw";
            String backendtype = driver == null || !driver.hasAttribute("name") ? null : switch (driver
                    .getAttribute("name")) {
                case "qemu" -> "qdisk";
                case "phy", "tap" -> driver.getAttribute("name");
                default -> null;
            };
            Boolean discard = driver == null || !driver.hasAttribute("discard") ? null
                    : driver.getAttribute("discard").equals("unmap");
            boolean cdrom = device.equals("cdrom");
            String vdev = Dom.child(disk, "target") == null ? null : Dom.child(disk, "target").getAttribute("dev");
            disks.add(new Disk(target, format, vdev, cdrom || Dom.child(disk, "readonly") != null, cdrom,
                    DomainXml.backendDomain(disk), backendtype, discard));
        }
        return disks;
    }

    private List<Nic> nics(Element devices) {
        List<Nic> nics = new ArrayList<>();
        for (Element nic : Dom.children(devices, "interface")) {
            Element source = Dom.child(nic, "source");
            String bridge = source != null && source.hasAttribute("bridge") ? source.getAttribute("bridge") : null;
            if (!"bridge".equals(nic.getAttribute("type")) || bridge == null) {
                notes.add("an interface of type '" + nic.getAttribute("type") + "' (xl.cfg has bridges only)");
                continue;
            }
            List<String> ips = new ArrayList<>();
            for (Element ip : Dom.children(nic, "ip")) {
                ips.add(ip.getAttribute("address"));
            }
            Element outbound = Dom.child(Dom.child(nic, "bandwidth"), "outbound");
            Nic.Rate rate = outbound == null ? null : new Nic.Rate(
                    Math.multiplyExact(Long.parseLong(outbound.getAttribute("average")), 1024L), 50_000,
                    Math.multiplyExact(Long.parseLong(outbound.getAttribute("average")), 1024L) + "B/s");
            Element mtu = Dom.child(nic, "mtu");
            nics.add(new Nic(Dom.attribute(Dom.child(nic, "mac"), "address"), bridge,
                    Dom.attribute(Dom.child(nic, "model"), "type"),
                    vifname(Dom.attribute(Dom.child(nic, "target"), "dev")),
                    Dom.attribute(Dom.child(nic, "script"), "path"), ips,
                    DomainXml.backendDomain(nic),
                    mtu == null ? null : Integer.valueOf(mtu.getAttribute("size")), rate));
        }
        return nics;
    }

    /** A name the user chose; null for libxl's own vifDOMID.DEVID names, which change with every start. */
    private static String vifname(String dev) {
        return dev == null || dev.matches("vif[0-9]+\\.[0-9]+(-emu)?") ? null : dev;
    }

    private List<PciAssignment> hostdevs(Element devices) {
        List<PciAssignment> pci = new ArrayList<>();
        for (Element hostdev : Dom.children(devices, "hostdev")) {
            Element source = Dom.child(hostdev, "source");
            Element address = Dom.child(source, "address");
            if (!"pci".equals(hostdev.getAttribute("type")) || address == null) {
                notes.add("a " + hostdev.getAttribute("type") + " host device (xl.cfg's pci= takes PCI only)");
                continue;
            }
            pci.add(new PciAssignment(DomainXml.pciAddress(address), DomainXml.guestSlot(hostdev), null,
                    "no".equals(source.getAttribute("writeFiltering")), false,
                    "yes".equals(hostdev.getAttribute("managed")), false, "strict"));
        }
        return pci;
    }

    private static Graphics graphics(Element devices) {
        for (Element graphics : Dom.children(devices, "graphics")) {
            if (!"vnc".equals(graphics.getAttribute("type"))) {
                continue;
            }
            String port = graphics.getAttribute("port");
            Integer display = "no".equals(graphics.getAttribute("autoport")) && port.matches("[0-9]+")
                    ? Integer.parseInt(port) - 5900 : null;
            return new Graphics(Dom.attribute(graphics, "listen"), display, Dom.attribute(graphics, "passwd"),
                    Dom.attribute(graphics, "keymap"));
        }
        return null;
    }

    private static String serial(Element devices) {
        for (Element serial : Dom.children(devices, "serial")) {
            if ("pty".equals(serial.getAttribute("type"))) {
                return "pty";
            }
        }
        return null;
    }
}
