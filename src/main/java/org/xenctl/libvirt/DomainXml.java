package org.xenctl.libvirt;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
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

/** Reads what xenctl needs from libvirt domain XML, with a real XML parser that refuses external entities. */
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
            throw new XenctlException(ErrorCode.INVALID_CONFIG, origin + ":" + e.getLineNumber() + ":"
                    + e.getColumnNumber() + ": malformed XML: " + e.getMessage(), null, e);
        } catch (SAXException | IOException e) {
            throw new XenctlException(ErrorCode.INVALID_CONFIG, origin + ": malformed XML: " + e.getMessage(), null, e);
        }
    }

    Element root() {
        return root;
    }

    Optional<String> uuid() {
        return child(root, "uuid").map(e -> e.getTextContent().strip().toLowerCase(java.util.Locale.ROOT))
                .filter(s -> !s.isEmpty());
    }

    /** The same document with a {@code <uuid>} after {@code <name>}, as text. */
    String withUuid(String uuid) {
        Element element = root.getOwnerDocument().createElement("uuid");
        element.setTextContent(uuid);
        Node after = child(root, "name").map(Node::getNextSibling).orElse(root.getFirstChild());
        root.insertBefore(element, after);
        try {
            javax.xml.transform.Transformer transformer =
                    javax.xml.transform.TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            java.io.StringWriter out = new java.io.StringWriter();
            transformer.transform(new javax.xml.transform.dom.DOMSource(root.getOwnerDocument()),
                    new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("cannot write back parsed domain XML", e);
        } finally {
            root.removeChild(element);
        }
    }

    /** memory (the maximum), currentMemory (the balloon target) and vcpu (current= online, the text the maximum). */
    DomainResources resources() {
        long max = kib(child(root, "memory"));
        long current = child(root, "currentMemory").isPresent() ? kib(child(root, "currentMemory")) : max;
        Optional<Element> vcpu = child(root, "vcpu");
        int maxVcpus = vcpu.map(e -> Integer.parseInt(e.getTextContent().strip())).orElse(1);
        int vcpus = vcpu.map(e -> e.getAttribute("current")).filter(s -> !s.isEmpty()).map(Integer::parseInt)
                .orElse(maxVcpus);
        return new DomainResources(current, max, vcpus, maxVcpus);
    }

    /** A memory element's size in KiB; 0 when there is none. */
    private static long kib(Optional<Element> element) {
        return element.map(Dom::kib).orElse(0L);
    }

    Optional<String> name() {
        return child(root, "name").map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty());
    }

    String osType() {
        return child(root, "os").flatMap(os -> child(os, "type")).map(e -> e.getTextContent().strip()).orElse("");
    }

    List<DiskDevice> disks() {
        List<DiskDevice> disks = new ArrayList<>();
        for (Element disk : devices("disk")) {
            Optional<Element> target = child(disk, "target");
            Optional<Element> source = child(disk, "source");
            disks.add(new DiskDevice(attribute(target, "dev"), attribute(target, "bus"),
                    disk.getAttribute("device").isEmpty() ? "disk" : disk.getAttribute("device"),
                    source.map(DomainXml::diskSource).orElse(""), child(disk, "readonly").isPresent(),
                    backendDomain(disk)));
        }
        return disks;
    }

    List<NetworkDevice> nics() {
        List<NetworkDevice> nics = new ArrayList<>();
        for (Element nic : devices("interface")) {
            Optional<Element> source = child(nic, "source");
            String sourceName = firstNonEmpty(attribute(source, "bridge"), attribute(source, "network"),
                    attribute(source, "dev"));
            nics.add(new NetworkDevice(attribute(child(nic, "mac"), "address"), nic.getAttribute("type"),
                    sourceName, attribute(child(nic, "model"), "type"), attribute(child(nic, "target"), "dev"),
                    backendDomain(nic)));
        }
        return nics;
    }

    /** The driver domain serving a device ({@code <backenddomain name=…>}); null for dom0. */
    private static String backendDomain(Element device) {
        String name = attribute(child(device, "backenddomain"), "name");
        return name == null || name.isEmpty() ? null : name;
    }

    List<PciDevice> pciDevices() {
        List<PciDevice> devices = new ArrayList<>();
        for (Element hostdev : devices("hostdev")) {
            if (!"pci".equals(hostdev.getAttribute("type"))) {
                continue;
            }
            Optional<Element> source = child(hostdev, "source");
            Optional<Element> guest = child(hostdev, "address").filter(a -> "pci".equals(a.getAttribute("type")));
            devices.add(new PciDevice(source.flatMap(s -> child(s, "address")).map(DomainXml::pciAddress).orElse(null),
                    "yes".equals(hostdev.getAttribute("managed")), guest.map(a -> Dom.number(a.getAttribute("slot"))).orElse(null),
                    "no".equals(attribute(source, "writeFiltering"))));
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
        return child(root, "features").flatMap(f -> child(f, "xen")).flatMap(x -> child(x, "passthrough"))
                .map(p -> p.getAttribute("state"));
    }

    private static PciAddress pciAddress(Element address) {
        return new PciAddress(Dom.number(address.getAttribute("domain")), Dom.number(address.getAttribute("bus")), Dom.number(address.getAttribute("slot")),
                Dom.number(address.getAttribute("function")));
    }

    private static String diskSource(Element source) {
        return firstNonEmpty(source.getAttribute("file"), source.getAttribute("dev"), source.getAttribute("name"),
                source.getAttribute("volume"));
    }

    private List<Element> devices(String tag) {
        return child(root, "devices").map(devices -> children(devices, tag)).orElse(List.of());
    }

    private static Optional<Element> child(Element parent, String tag) {
        return Optional.ofNullable(Dom.child(parent, tag));
    }

    private static List<Element> children(Element parent, String tag) {
        return Dom.children(parent, tag);
    }

    private static String attribute(Optional<Element> element, String name) {
        return element.map(e -> e.getAttribute(name)).orElse("");
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
