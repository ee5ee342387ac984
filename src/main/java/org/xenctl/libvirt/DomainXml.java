package org.xenctl.libvirt;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xenctl.domain.DomainDetails.DiskDevice;
import org.xenctl.domain.DomainDetails.NetworkDevice;
import org.xenctl.domain.DomainDetails.PciDevice;
import org.xenctl.domain.DomainResources;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.XenctlException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads what xenctl needs from libvirt domain XML, with a real XML parser that refuses external entities: a domain's
 * identity, resources and devices as the domain model has them. {@link SpecXmlReader} reads the same document into
 * a whole {@code DomainSpec} for `config export`, with the readers here for what both need; both follow {@link Dom}'s
 * convention (a missing element or attribute is null).
 */
final class DomainXml {
    private final Element root;

    private DomainXml(Element root) {
        this.root = root;
    }

    /**
     * Parses domain XML; malformed XML is INVALID_CONFIG naming {@code origin} with line and column, and a document
     * whose root is not {@code <domain>} is refused too.
     */
    static DomainXml parse(String xml, String origin) {
        try {
            Document document = Dom.builder().parse(new InputSource(new StringReader(xml)));
            Element root = document.getDocumentElement();
            if (!"domain".equals(root.getTagName())) {
                throw new XenctlException(ErrorCode.INVALID_CONFIG, origin + ": the root element is <"
                        + root.getTagName() + ">, not <domain>", "give a libvirt domain XML file (virsh dumpxml)");
            }
            return new DomainXml(root);
        } catch (SAXParseException e) {
            if (e.getLineNumber() == lineOf(xml, "<!DOCTYPE")) {
                throw new XenctlException(ErrorCode.INVALID_CONFIG, origin + ":" + e.getLineNumber() + ": a "
                        + "<!DOCTYPE> declaration, which xenctl does not read: its entities could read the host's "
                        + "files or grow without bound", "remove it (virsh dumpxml never writes one)", e);
            }
            throw new XenctlException(ErrorCode.INVALID_CONFIG, origin + ":" + e.getLineNumber() + ":"
                    + e.getColumnNumber() + ": malformed XML: " + e.getMessage(), null, e);
        } catch (SAXException | IOException e) {
            throw new XenctlException(ErrorCode.INVALID_CONFIG, origin + ": malformed XML: " + e.getMessage(), null, e);
        }
    }

    /** The 1-based line where {@code text} first has {@code what}, or 0. */
    private static int lineOf(String text, String what) {
        int at = text.indexOf(what);
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    Element root() {
        return root;
    }

    Optional<String> uuid() {
        return Optional.ofNullable(Dom.text(Dom.child(root, "uuid"), null))
                .map(uuid -> uuid.toLowerCase(java.util.Locale.ROOT)).filter(uuid -> !uuid.isEmpty());
    }

    /**
     * This document as a new definition of the domain whose definition is {@code existing}: with its UUID where
     * this one names none (libvirt would invent another and refuse the name), and, for each interface without a
     * MAC, the MAC of the existing definition's interface at the same place. libvirt invents a MAC at every define:
     * the guest would find a new NIC each time, and defining the same file again would never leave it unchanged.
     */
    String forRedefinition(DomainXml existing) {
        Document copy = (Document) root.getOwnerDocument().cloneNode(true);
        Element domain = copy.getDocumentElement();
        if (uuid().isEmpty()) {
            Element uuid = Dom.child(domain, "uuid");
            if (uuid == null) {
                uuid = copy.createElement("uuid");
                Element name = Dom.child(domain, "name");
                domain.insertBefore(uuid, name != null ? name.getNextSibling() : domain.getFirstChild());
            }
            uuid.setTextContent(existing.uuid().orElseThrow());
        }
        List<Element> interfaces = interfaces(domain);
        List<String> given = new ArrayList<>();
        for (Element nic : interfaces) {
            given.add(Dom.attribute(Dom.child(nic, "mac"), "address"));
        }
        List<Element> before = interfaces(existing.root);
        for (int i = 0; i < interfaces.size() && i < before.size(); i++) {
            String kept = Dom.attribute(Dom.child(before.get(i), "mac"), "address");
            if (given.get(i) == null && kept != null && !given.contains(kept)) {
                Element mac = copy.createElement("mac");
                mac.setAttribute("address", kept);
                interfaces.get(i).insertBefore(mac, interfaces.get(i).getFirstChild());
            }
        }
        try {
            javax.xml.transform.Transformer transformer =
                    javax.xml.transform.TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            java.io.StringWriter out = new java.io.StringWriter();
            transformer.transform(new javax.xml.transform.dom.DOMSource(copy),
                    new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("cannot write back parsed domain XML", e);
        }
    }

    private static List<Element> interfaces(Element domain) {
        Element devices = Dom.child(domain, "devices");
        return devices == null ? List.of() : Dom.children(devices, "interface");
    }

    /**
     * memory (the maximum), currentMemory (the balloon target, the maximum when absent) and vcpu (current= online,
     * the text the maximum, 1 when absent); a missing {@code <memory>} counts 0. NumberFormatException or
     * ArithmeticException for a number libvirt would not write.
     */
    DomainResources resources() {
        Element memory = Dom.child(root, "memory");
        long max = memory == null ? 0 : Dom.kib(memory);
        Element current = Dom.child(root, "currentMemory");
        Element vcpu = Dom.child(root, "vcpu");
        int maxVcpus = Integer.parseInt(Dom.text(vcpu, "1"));
        String online = Dom.attribute(vcpu, "current");
        return new DomainResources(current == null ? max : Dom.kib(current), max,
                online == null || online.isEmpty() ? maxVcpus : Integer.parseInt(online), maxVcpus);
    }

    /**
     * {@link #resources()} of the XML libvirt gave for a domain: a number it would not write (a remote host of
     * another version, a broken one) is OPERATION_FAILED, exit 1.
     */
    DomainResources resourcesAsLibvirtWrote() {
        try {
            return resources();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new XenctlException(ErrorCode.OPERATION_FAILED, "libvirt described the domain's memory or vCPUs "
                    + "with a number xenctl cannot read: " + e.getMessage(), null, e);
        }
    }

    Optional<String> name() {
        return Optional.ofNullable(Dom.text(Dom.child(root, "name"), null)).filter(name -> !name.isEmpty());
    }

    String osType() {
        return Dom.text(Dom.child(Dom.child(root, "os"), "type"), "");
    }

    List<DiskDevice> disks() {
        List<DiskDevice> disks = new ArrayList<>();
        for (Element disk : devices("disk")) {
            Element target = Dom.child(disk, "target");
            Element source = Dom.child(disk, "source");
            disks.add(new DiskDevice(orEmpty(Dom.attribute(target, "dev")), orEmpty(Dom.attribute(target, "bus")),
                    disk.getAttribute("device").isEmpty() ? "disk" : disk.getAttribute("device"),
                    source == null ? "" : firstNonEmpty(source.getAttribute("file"), source.getAttribute("dev"),
                            source.getAttribute("name"), source.getAttribute("volume")),
                    Dom.child(disk, "readonly") != null, backendDomain(disk)));
        }
        return disks;
    }

    List<NetworkDevice> nics() {
        List<NetworkDevice> nics = new ArrayList<>();
        for (Element nic : devices("interface")) {
            Element source = Dom.child(nic, "source");
            String sourceName = source == null ? "" : firstNonEmpty(source.getAttribute("bridge"),
                    source.getAttribute("network"), source.getAttribute("dev"));
            nics.add(new NetworkDevice(orEmpty(Dom.attribute(Dom.child(nic, "mac"), "address")),
                    nic.getAttribute("type"), sourceName, orEmpty(Dom.attribute(Dom.child(nic, "model"), "type")),
                    orEmpty(Dom.attribute(Dom.child(nic, "target"), "dev")), backendDomain(nic)));
        }
        return nics;
    }

    /** The driver domain serving a device ({@code <backenddomain name=…>}); null for dom0. */
    static String backendDomain(Element device) {
        String name = Dom.attribute(Dom.child(device, "backenddomain"), "name");
        return name == null || name.isEmpty() ? null : name;
    }

    List<PciDevice> pciDevices() {
        List<PciDevice> devices = new ArrayList<>();
        for (Element hostdev : devices("hostdev")) {
            if (!"pci".equals(hostdev.getAttribute("type"))) {
                continue;
            }
            Element source = Dom.child(hostdev, "source");
            Element address = Dom.child(source, "address");
            devices.add(new PciDevice(address == null ? null : pciAddress(address),
                    "yes".equals(hostdev.getAttribute("managed")), guestSlot(hostdev),
                    "no".equals(Dom.attribute(source, "writeFiltering"))));
        }
        return devices;
    }

    /**
     * Whether a domain started from this (live) XML can take a PCI device now: libxl prepares passthrough at
     * creation only when the domain has PCI devices then or {@code passthrough} is switched on.
     */
    boolean pciHotplug() {
        String state = passthrough().orElse("");
        return state.equals("on") || (!state.equals("off") && !pciDevices().isEmpty());
    }

    /** The {@code <features><xen><passthrough state=…>} switch: "on", "off", or empty when libxl chooses. */
    Optional<String> passthrough() {
        Element passthrough = Dom.child(Dom.child(Dom.child(root, "features"), "xen"), "passthrough");
        return passthrough == null ? Optional.empty() : Optional.of(passthrough.getAttribute("state"));
    }

    /** A host PCI device's {@code <address domain= bus= slot= function=>}. */
    static PciAddress pciAddress(Element address) {
        return new PciAddress(Dom.number(address.getAttribute("domain")), Dom.number(address.getAttribute("bus")),
                Dom.number(address.getAttribute("slot")), Dom.number(address.getAttribute("function")));
    }

    /** The slot a PCI host device has in the guest ({@code <address type='pci' slot=…>}), or null. */
    static Integer guestSlot(Element hostdev) {
        Element guest = Dom.child(hostdev, "address");
        return guest == null || !"pci".equals(guest.getAttribute("type")) ? null
                : Dom.number(guest.getAttribute("slot"));
    }

    private List<Element> devices(String tag) {
        return Dom.children(Dom.child(root, "devices"), tag);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
