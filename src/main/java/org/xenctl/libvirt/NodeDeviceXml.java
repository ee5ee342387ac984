package org.xenctl.libvirt;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.NodePciDevice;
import org.xenctl.domain.XenctlException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads a PCI node device's XML (virsh nodedev-dumpxml): ids and names, class, driver, IOMMU group, SR-IOV. */
final class NodeDeviceXml {
    private NodeDeviceXml() {
    }

    /**
     * The device, or null when the XML is not a PCI device's. libvirt's answer, which a remote host of another
     * version writes: anything unreadable in it is OPERATION_FAILED (exit 1), never an internal error.
     */
    static NodePciDevice pci(String xml) {
        Element device;
        try {
            device = Dom.builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new XenctlException(ErrorCode.OPERATION_FAILED, "libvirt described a node device in malformed XML: "
                    + e.getMessage(), null, e);
        }
        try {
            return pci(device);
        } catch (NumberFormatException e) {
            throw new XenctlException(ErrorCode.OPERATION_FAILED, "libvirt described a node device with a number "
                    + "xenctl cannot read: " + e.getMessage(), null, e);
        }
    }

    private static NodePciDevice pci(Element device) {
        Element pci = null;
        for (Element capability : Dom.children(device, "capability")) {
            if ("pci".equals(capability.getAttribute("type"))) {
                pci = capability;
            }
        }
        if (pci == null) {
            return null;
        }
        Element driver = Dom.child(device, "driver");
        Element vendor = Dom.child(pci, "vendor");
        Element product = Dom.child(pci, "product");
        Element group = Dom.child(pci, "iommuGroup");
        String physicalFunction = null;
        List<String> virtualFunctions = new ArrayList<>();
        for (Element capability : Dom.children(pci, "capability")) {
            switch (capability.getAttribute("type")) {
                case "phys_function" -> physicalFunction = Dom.children(capability, "address").stream()
                        .map(NodeDeviceXml::address).findFirst().orElse(null);
                case "virt_functions" -> Dom.children(capability, "address").stream().map(NodeDeviceXml::address)
                        .forEach(virtualFunctions::add);
                default -> { }
            }
        }
        return new NodePciDevice(String.format("%04x:%02x:%02x.%x", number(Dom.child(pci, "domain")),
                number(Dom.child(pci, "bus")), number(Dom.child(pci, "slot")), number(Dom.child(pci, "function"))),
                idOf(vendor), idOf(product), textOf(vendor), textOf(product), number(Dom.child(pci, "class")),
                driver == null ? null : textOf(Dom.child(driver, "name")),
                group == null ? null : Integer.valueOf(group.getAttribute("number")),
                group == null ? List.of() : Dom.children(group, "address").stream().map(NodeDeviceXml::address).toList(),
                physicalFunction, virtualFunctions);
    }

    private static String address(Element address) {
        return String.format("%04x:%02x:%02x.%x", Integer.decode(address.getAttribute("domain")),
                Integer.decode(address.getAttribute("bus")), Integer.decode(address.getAttribute("slot")),
                Integer.decode(address.getAttribute("function")));
    }

    private static int idOf(Element element) {
        return element == null || element.getAttribute("id").isEmpty() ? 0 : Integer.decode(element.getAttribute("id"));
    }

    private static int number(Element element) {
        return element == null ? 0 : Integer.decode(element.getTextContent().strip());
    }

    private static String textOf(Element element) {
        if (element == null || element.getTextContent().isBlank()) {
            return null;
        }
        return element.getTextContent().strip();
    }
}
