package org.xenctl.libvirt;

import java.io.StringWriter;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xenctl.domain.spec.Boot;
import org.xenctl.domain.spec.Disk;
import org.xenctl.domain.spec.DomainSpec;
import org.xenctl.domain.spec.GuestType;
import org.xenctl.domain.spec.Nic;
import org.xenctl.domain.spec.Graphics;
import org.xenctl.domain.spec.PciAssignment;

/**
 * Writes a {@link DomainSpec} as libvirt domain XML for the libxl driver, with a DOM (never by concatenating
 * strings). What the XML cannot carry was already reported by the reader; this class only maps.
 */
public final class SpecXmlWriter {
    private final Document document;

    private SpecXmlWriter(Document document) {
        this.document = document;
    }

    /**
     * @param domainType the libvirt domain type: "xen" for libxl, "test" for libvirt's test driver
     */
    public static String write(DomainSpec spec, String domainType) {
        try {
            Document document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
            new SpecXmlWriter(document).domain(spec, domainType);
            return serialize(document);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support failed", e);
        }
    }

    /** One PCI {@code <hostdev>}, as attach-device and detach-device take it. */
    static String hostdevXml(PciAssignment device) {
        try {
            Document document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
            document.appendChild(new SpecXmlWriter(document).hostdev(device));
            return serialize(document);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support failed", e);
        }
    }

    /** One {@code <interface>}, as attach-device takes it (network-attach, and its --dry-run). */
    public static String nicXml(Nic nic) {
        return device(writer -> {
            Element holder = writer.document.createElement("devices");
            writer.nic(holder, nic);
            return (Element) holder.getFirstChild();
        });
    }

    /** One {@code <disk>}, as attach-device and detach-device take it (block-attach, and its --dry-run). */
    public static String diskXml(Disk disk) {
        return device(writer -> {
            Element holder = writer.document.createElement("devices");
            writer.disk(holder, disk);
            return (Element) holder.getFirstChild();
        });
    }

    private static String device(java.util.function.Function<SpecXmlWriter, Element> element) {
        try {
            Document document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
            Element device = element.apply(new SpecXmlWriter(document));
            device.getParentNode().removeChild(device);
            document.appendChild(device);
            return serialize(document);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support failed", e);
        }
    }

    private void domain(DomainSpec spec, String domainType) {
        Element domain = document.createElement("domain");
        document.appendChild(domain);
        domain.setAttribute("type", domainType);
        text(domain, "name", spec.name());
        if (spec.uuid() != null) {
            text(domain, "uuid", spec.uuid());
        }
        text(domain, "memory", String.valueOf(spec.maxMemoryMiB() * 1024)).setAttribute("unit", "KiB");
        text(domain, "currentMemory", String.valueOf(spec.memoryMiB() * 1024)).setAttribute("unit", "KiB");
        Element vcpu = text(domain, "vcpu", String.valueOf(spec.maxVcpus()));
        vcpu.setAttribute("placement", "static");
        if (spec.cpus() != null) {
            vcpu.setAttribute("cpuset", spec.cpus());
        }
        if (spec.vcpus() < spec.maxVcpus()) {
            vcpu.setAttribute("current", String.valueOf(spec.vcpus()));
        }
        if (!spec.vcpuPins().isEmpty()) {
            Element cputune = child(domain, "cputune");
            for (int i = 0; i < spec.vcpuPins().size(); i++) {
                Element pin = child(cputune, "vcpupin");
                pin.setAttribute("vcpu", String.valueOf(i));
                pin.setAttribute("cpuset", spec.vcpuPins().get(i));
            }
        }
        Boot boot = spec.boot();
        if (boot.bootloader() != null) {
            text(domain, "bootloader", boot.bootloader());
            if (!boot.bootloaderArgs().isEmpty()) {
                text(domain, "bootloader_args", String.join(" ", boot.bootloaderArgs()));
            }
        }
        os(domain, spec);
        features(domain, spec);
        clock(domain, spec.clock());
        text(domain, "on_poweroff", spec.actions().onPoweroff());
        text(domain, "on_reboot", spec.actions().onReboot());
        text(domain, "on_crash", spec.actions().onCrash());
        devices(domain, spec);
    }

    private void os(Element domain, DomainSpec spec) {
        Element os = child(domain, "os");
        if ("uefi".equals(spec.boot().firmware())) {
            os.setAttribute("firmware", "efi");
        }
        text(os, "type", spec.type().libvirtOsType());
        Boot boot = spec.boot();
        if (boot.kernel() != null) {
            text(os, "kernel", boot.kernel());
        }
        if (boot.ramdisk() != null) {
            text(os, "initrd", boot.ramdisk());
        }
        if (boot.cmdline() != null) {
            text(os, "cmdline", boot.cmdline());
        }
        if (boot.bootOrder() != null) {
            for (char letter : boot.bootOrder().toCharArray()) {
                child(os, "boot").setAttribute("dev", letter == 'c' ? "hd" : letter == 'd' ? "cdrom" : "network");
            }
        }
    }

    /** {@code <clock>}, only where xl.cfg said something: libvirt's libxl driver maps it back to libxl's fields. */
    private void clock(Element domain, DomainSpec.Clock clock) {
        if (clock == null || clock.isDefault()) {
            return;
        }
        Element element = child(domain, "clock");
        if (clock.rtcOffsetSeconds() != 0) {
            element.setAttribute("offset", "variable");
            element.setAttribute("adjustment", String.valueOf(clock.rtcOffsetSeconds()));
            element.setAttribute("basis", clock.localtime() ? "localtime" : "utc");
        } else {
            element.setAttribute("offset", clock.localtime() ? "localtime" : "utc");
        }
        if (clock.tscMode() != null) {
            Element tsc = child(element, "timer");
            tsc.setAttribute("name", "tsc");
            tsc.setAttribute("mode", clock.tscMode());
        }
        if (clock.hpet() != null) {
            Element hpet = child(element, "timer");
            hpet.setAttribute("name", "hpet");
            hpet.setAttribute("present", clock.hpet() ? "yes" : "no");
        }
    }

    private void features(Element domain, DomainSpec spec) {
        DomainSpec.HvmFeatures hvm = spec.features();
        if (hvm == null && !spec.e820Host() && spec.passthrough() == null) {
            return;
        }
        Element features = child(domain, "features");
        if (hvm != null) {
            if (hvm.acpi()) {
                child(features, "acpi");
            }
            if (hvm.apic()) {
                child(features, "apic");
            }
            if (hvm.pae()) {
                child(features, "pae");
            }
            if (!hvm.hap()) {
                child(features, "hap").setAttribute("state", "off");
            }
            if (hvm.viridian()) {
                child(features, "viridian");
            }
            if (hvm.nestedHvm()) {
                // What libvirt's own xl.cfg converter writes for nestedhvm = 1: the libxl driver turns a
                // host-passthrough CPU whose vmx/svm is not disabled into nested_hvm.
                child(domain, "cpu").setAttribute("mode", "host-passthrough");
            }
        }
        Element xen = spec.e820Host() || spec.passthrough() != null ? child(features, "xen") : null;
        if (spec.e820Host()) {
            child(xen, "e820_host").setAttribute("state", "on");
        }
        if (spec.passthrough() != null) {
            Element passthrough = child(xen, "passthrough");
            passthrough.setAttribute("state", spec.passthrough().equals("disabled") ? "off" : "on");
            if (spec.passthrough().endsWith("_pt")) {
                passthrough.setAttribute("mode", spec.passthrough());
            }
        }
    }

    private void devices(Element domain, DomainSpec spec) {
        Element devices = child(domain, "devices");
        for (Disk disk : spec.disks()) {
            disk(devices, disk);
        }
        for (Nic nic : spec.nics()) {
            nic(devices, nic);
        }
        for (PciAssignment pci : spec.pci()) {
            devices.appendChild(hostdev(pci));
        }
        if (spec.serial() != null) {
            Element serial = child(devices, "serial");
            serial.setAttribute("type", "pty");
            child(serial, "target").setAttribute("port", "0");
        }
        if (spec.type() != GuestType.HVM || spec.serial() != null) {
            Element console = child(devices, "console");
            console.setAttribute("type", "pty");
            Element target = child(console, "target");
            target.setAttribute("type", spec.type() == GuestType.HVM ? "serial" : "xen");
            target.setAttribute("port", "0");
        }
        if (spec.graphics() != null) {
            graphics(devices, spec.graphics());
        }
    }

    private void disk(Element devices, Disk disk) {
        Element element = child(devices, "disk");
        boolean block = disk.target() != null && disk.target().startsWith("/dev/");
        element.setAttribute("type", block ? "block" : "file");
        element.setAttribute("device", disk.cdrom() ? "cdrom" : "disk");
        Element driver = child(element, "driver");
        if (disk.backendtype() != null) {
            driver.setAttribute("name", switch (disk.backendtype()) {
                case "qdisk" -> "qemu";
                default -> disk.backendtype();
            });
        }
        if (!disk.format().equals("empty")) {
            driver.setAttribute("type", disk.format());
        }
        if (Boolean.TRUE.equals(disk.discard())) {
            driver.setAttribute("discard", "unmap");
        } else if (Boolean.FALSE.equals(disk.discard())) {
            driver.setAttribute("discard", "ignore");
        }
        if (!driver.hasAttributes()) {
            element.removeChild(driver);
        }
        if (disk.target() != null) {
            child(element, "source").setAttribute(block ? "dev" : "file", disk.target());
        }
        if (disk.backend() != null) {
            child(element, "backenddomain").setAttribute("name", disk.backend());
        }
        Element target = child(element, "target");
        target.setAttribute("dev", disk.vdev());
        target.setAttribute("bus", bus(disk.vdev()));
        if (disk.readOnly()) {
            child(element, "readonly");
        }
    }

    /** The bus libxl uses for a vdev name: xvdX is the Xen PV bus, hdX IDE, sdX SCSI. */
    static String bus(String vdev) {
        if (vdev.startsWith("hd")) {
            return "ide";
        }
        return vdev.startsWith("sd") ? "scsi" : "xen";
    }

    private void nic(Element devices, Nic nic) {
        Element element = child(devices, "interface");
        element.setAttribute("type", "bridge");
        if (nic.mac() != null) {
            child(element, "mac").setAttribute("address", nic.mac().toLowerCase());
        }
        child(element, "source").setAttribute("bridge", nic.bridge() == null ? "xenbr0" : nic.bridge());
        for (String ip : nic.ip()) {
            child(element, "ip").setAttribute("address", ip);
        }
        if (nic.script() != null) {
            child(element, "script").setAttribute("path", nic.script());
        }
        if (nic.vifname() != null) {
            child(element, "target").setAttribute("dev", nic.vifname());
        }
        if (nic.model() != null) {
            child(element, "model").setAttribute("type", nic.model());
        }
        if (nic.backend() != null) {
            child(element, "backenddomain").setAttribute("name", nic.backend());
        }
        if (nic.rate() != null) {
            long bytes = nic.rate().bytesPerSecond();
            long kib = Math.max(1, bytes / 1024 + (bytes % 1024 == 0 ? 0 : 1));  // rounded up, without overflow
            child(child(element, "bandwidth"), "outbound").setAttribute("average", String.valueOf(kib));
        }
        if (nic.mtu() != null) {
            child(element, "mtu").setAttribute("size", String.valueOf(nic.mtu()));
        }
    }

    private Element hostdev(PciAssignment pci) {
        Element hostdev = document.createElement("hostdev");
        hostdev.setAttribute("mode", "subsystem");
        hostdev.setAttribute("type", "pci");
        hostdev.setAttribute("managed", pci.seize() ? "yes" : "no");
        Element source = child(hostdev, "source");
        if (pci.permissive()) {
            source.setAttribute("writeFiltering", "no");
        }
        address(child(source, "address"), pci.address().domain(), pci.address().bus(), pci.address().slot(),
                pci.address().function());
        if (pci.vslot() != null) {
            Element guest = child(hostdev, "address");
            guest.setAttribute("type", "pci");
            address(guest, 0, 0, pci.vslot(), 0);
        }
        return hostdev;
    }

    private static void address(Element element, int domain, int bus, int slot, int function) {
        element.setAttribute("domain", String.format("0x%04x", domain));
        element.setAttribute("bus", String.format("0x%02x", bus));
        element.setAttribute("slot", String.format("0x%02x", slot));
        element.setAttribute("function", String.format("0x%x", function));
    }

    private void graphics(Element devices, Graphics graphics) {
        Element element = child(devices, "graphics");
        element.setAttribute("type", "vnc");
        if (graphics.display() != null) {
            element.setAttribute("port", String.valueOf(5900 + graphics.display()));
            element.setAttribute("autoport", "no");
        } else {
            element.setAttribute("autoport", "yes");
        }
        if (graphics.listen() != null) {
            element.setAttribute("listen", graphics.listen());
        }
        if (graphics.password() != null) {
            element.setAttribute("passwd", graphics.password());
        }
        if (graphics.keymap() != null) {
            element.setAttribute("keymap", graphics.keymap());
        }
    }

    private Element child(Element parent, String name) {
        Element element = document.createElement(name);
        parent.appendChild(element);
        return element;
    }

    private Element text(Element parent, String name, String value) {
        Element element = child(parent, name);
        element.setTextContent(value);
        return element;
    }

    static String serialize(Document document) throws TransformerException {
        Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString().replace("\r\n", "\n").strip() + "\n";
    }

}
