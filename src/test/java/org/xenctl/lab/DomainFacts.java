package org.xenctl.lab;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a domain configuration says, as comparable facts ("disk0.vdev" → "xvda"), read from libvirt domain XML
 * (xenctl's or libvirt's own converter's) or from xl's dry-run JSON (libxl_domain_config). Only facts all three can
 * express: name, memory, vCPUs, guest type, direct kernel boot, lifecycle actions, and each disk's, vif's and PCI
 * device's identity. xl's JSON leaves out what is at its default; those defaults are filled in here.
 */
final class DomainFacts {
    private DomainFacts() {
    }

    static Map<String, String> fromLibvirtXml(String xml) {
        Map<String, String> facts = new TreeMap<>();
        Element domain;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            domain = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + xml, e);
        }
        put(facts, "name", text(domain, "name"));
        put(facts, "max_memory_kib", kib(first(domain, "memory")));
        put(facts, "memory_kib", kib(first(domain, "currentMemory")));
        put(facts, "vcpus", text(domain, "vcpu"));
        Element os = first(domain, "os");
        String osType = os == null ? null : text(os, "type");
        put(facts, "type", osType == null ? null : switch (osType) {
            case "xen", "linux" -> "pv";
            case "xenpvh" -> "pvh";
            default -> osType;
        });
        if (os != null) {
            put(facts, "kernel", text(os, "kernel"));
            put(facts, "ramdisk", text(os, "initrd"));
            put(facts, "cmdline", text(os, "cmdline"));
        }
        put(facts, "on_poweroff", orDefault(text(domain, "on_poweroff"), "destroy"));
        put(facts, "on_reboot", orDefault(text(domain, "on_reboot"), "restart"));
        put(facts, "on_crash", orDefault(text(domain, "on_crash"), "destroy"));
        Element devices = first(domain, "devices");
        if (devices == null) {
            return facts;
        }
        int index = 0;
        for (Element disk : children(devices, "disk")) {
            String prefix = "disk" + index++ + ".";
            Element source = first(disk, "source");
            String path = source == null ? null
                    : source.hasAttribute("file") ? source.getAttribute("file") : attribute(source, "dev");
            boolean empty = path == null || path.isEmpty();
            put(facts, prefix + "target", empty ? "(empty)" : path);
            put(facts, prefix + "vdev", attribute(first(disk, "target"), "dev"));
            put(facts, prefix + "devtype", orDefault(attribute(disk, "device"), "disk"));
            put(facts, prefix + "access", first(disk, "readonly") != null ? "ro" : "rw");
            Element driver = first(disk, "driver");
            String format = attribute(driver, "type");
            put(facts, prefix + "format", empty ? "empty" : format == null ? "raw" : format);
        }
        index = 0;
        for (Element nic : children(devices, "interface")) {
            String prefix = "vif" + index++ + ".";
            put(facts, prefix + "mac", lower(attribute(first(nic, "mac"), "address")));
            put(facts, prefix + "bridge", orDefault(attribute(first(nic, "source"), "bridge"), "xenbr0"));
            put(facts, prefix + "script", scriptName(attribute(first(nic, "script"), "path")));
            put(facts, prefix + "vifname", attribute(first(nic, "target"), "dev"));
            put(facts, prefix + "model", attribute(first(nic, "model"), "type"));
        }
        index = 0;
        for (Element hostdev : children(devices, "hostdev")) {
            Element address = first(first(hostdev, "source"), "address");
            put(facts, "pci" + index++ + ".bdf", String.format(Locale.ROOT, "%04x:%02x:%02x.%x",
                    number(attribute(address, "domain")), number(attribute(address, "bus")),
                    number(attribute(address, "slot")), number(attribute(address, "function"))));
        }
        return facts;
    }

    static Map<String, String> fromXlJson(String json) {
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
        Map<String, String> facts = new TreeMap<>();
        JsonNode info = config.path("c_info");
        JsonNode build = config.path("b_info");
        put(facts, "name", info.path("name").asText(null));
        put(facts, "type", info.path("type").asText("hvm"));
        // xl leaves both out when memory= is absent: libxl then gives 32 MiB (libxl__domain_build_info_setdefault).
        String maxMemory = build.path("max_memkb").asText("32768");
        put(facts, "max_memory_kib", maxMemory);
        put(facts, "memory_kib", build.path("target_memkb").asText(maxMemory));
        put(facts, "vcpus", build.path("max_vcpus").asText("1"));
        put(facts, "kernel", build.path("kernel").asText(null));
        put(facts, "ramdisk", build.path("ramdisk").asText(null));
        put(facts, "cmdline", build.path("cmdline").asText(null));
        put(facts, "on_poweroff", action(config.path("on_poweroff").asText("destroy")));
        put(facts, "on_reboot", action(config.path("on_reboot").asText("restart")));
        put(facts, "on_crash", action(config.path("on_crash").asText("destroy")));
        int index = 0;
        for (JsonNode disk : config.path("disks")) {
            String prefix = "disk" + index++ + ".";
            String path = disk.path("pdev_path").asText("");
            put(facts, prefix + "target", path.isEmpty() ? "(empty)" : path);
            put(facts, prefix + "vdev", disk.path("vdev").asText(null));
            put(facts, prefix + "devtype", disk.path("is_cdrom").asInt(0) == 1 ? "cdrom" : "disk");
            put(facts, prefix + "access", disk.path("readwrite").asInt(0) == 1 ? "rw" : "ro");
            put(facts, prefix + "format", disk.path("format").asText("raw"));
        }
        index = 0;
        for (JsonNode nic : config.path("nics")) {
            String prefix = "vif" + index++ + ".";
            put(facts, prefix + "mac", lower(nic.path("mac").asText(null)));
            put(facts, prefix + "bridge", nic.path("bridge").asText("xenbr0"));
            put(facts, prefix + "script", scriptName(nic.path("script").asText(null)));
            put(facts, prefix + "vifname", nic.path("ifname").asText(null));
            put(facts, prefix + "model", nic.path("model").asText(null));
        }
        index = 0;
        for (JsonNode pci : config.path("pcidevs")) {
            put(facts, "pci" + index++ + ".bdf", String.format(Locale.ROOT, "%04x:%02x:%02x.%x",
                    pci.path("domain").asInt(0), pci.path("bus").asInt(0), pci.path("dev").asInt(0),
                    pci.path("func").asInt(0)));
        }
        return facts;
    }

    /** libxl's action names (coredump_destroy, restart_rename) in libvirt's spelling (coredump-destroy, …). */
    private static String action(String libxl) {
        return libxl.equals("restart_rename") ? "rename-restart" : libxl.replace('_', '-');
    }

    /** A vif script by its name: xl keeps "vif-bridge", libvirt may say "/etc/xen/scripts/vif-bridge". */
    private static String scriptName(String script) {
        return script == null ? null : script.substring(script.lastIndexOf('/') + 1);
    }

    private static void put(Map<String, String> facts, String key, String value) {
        if (value != null) {
            facts.put(key, value);
        }
    }

    private static String kib(Element memory) {
        if (memory == null) {
            return null;
        }
        long value = Long.parseLong(memory.getTextContent().trim());
        String unit = memory.getAttribute("unit");
        return String.valueOf(switch (unit.isEmpty() ? "KiB" : unit) {
            case "b", "bytes" -> value / 1024;
            case "MiB", "M" -> value * 1024;
            case "GiB", "G" -> value * 1024 * 1024;
            default -> value;
        });
    }

    private static long number(String text) {
        if (text == null) {
            return 0;
        }
        return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String text(Element parent, String tag) {
        Element child = first(parent, tag);
        return child == null ? null : child.getTextContent().trim();
    }

    private static String attribute(Element element, String name) {
        return element == null || !element.hasAttribute(name) ? null : element.getAttribute(name);
    }

    private static Element first(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        for (Element child : children(parent, tag)) {
            return child;
        }
        return null;
    }

    private static java.util.List<Element> children(Element parent, String tag) {
        java.util.List<Element> found = new java.util.ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }
}
