package org.xenctl.libvirt;

import static org.xenctl.libvirt.LibvirtCalls.call;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xenctl.domain.HostInfo;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** The host's facts (host-info): virNodeGetInfo, the capabilities XML, free memory per NUMA node, Dom0's scheduler. */
final class HostFacts {
    private HostFacts() {
    }

    static HostInfo read(Connect connect, com.sun.jna.Pointer connection) {
        NodeInfo node = call("cannot read the host's CPUs and memory", connect::nodeInfo);
        String type = call("cannot read the hypervisor type", connect::getType);
        long version = call("cannot read the hypervisor version", connect::getVersion);
        long libvirt = call("cannot read libvirt's version", connect::getLibVersion);
        String host = call("cannot read the host name", connect::getHostName);
        Long freeKiB = freeMemoryKiB(connect);
        Element capabilities = parse(call("cannot read the host's capabilities", connect::getCapabilities));
        List<HostInfo.Node> nodes = nodes(capabilities, connection);
        return new HostInfo(host, type + (version == 0 ? "" : " " + LibvirtHypervisor.dotted(version)),
                LibvirtHypervisor.dotted(libvirt), node.model, node.cpus, node.mhz, node.nodes, node.sockets,
                node.cores, node.threads, node.memory, freeKiB, scheduler(connect), guestTypes(capabilities),
                features(capabilities), nodes);
    }

    /**
     * Free memory, or null where the driver cannot tell (libvirt's test driver from a file without NUMA cells): the
     * other facts are still worth showing. On Xen libxl always tells.
     */
    private static Long freeMemoryKiB(Connect connect) {
        try {
            return connect.getFreeMemory() / 1024;
        } catch (LibvirtException e) {
            return null;
        }
    }

    /** The scheduler Domain-0 runs under: Xen's pool scheduler as xl info's "xen_scheduler" says it. */
    private static String scheduler(Connect connect) {
        try {
            return connect.domainLookupByID(0).getSchedulerType();
        } catch (LibvirtException e) {
            return null;  // no Domain-0 (another driver), or it will not say
        }
    }

    /** pv, pvh, hvm: libvirt's os types "xen", "xenpvh", "hvm" (test drivers say others, kept as they are). */
    private static List<String> guestTypes(Element capabilities) {
        Set<String> types = new LinkedHashSet<>();
        NodeList guests = capabilities.getElementsByTagName("os_type");
        for (int i = 0; i < guests.getLength(); i++) {
            String type = guests.item(i).getTextContent().strip();
            types.add(switch (type) {
                case "xen" -> "pv";
                case "xenpvh" -> "pvh";
                default -> type;
            });
        }
        return List.copyOf(types);
    }

    /** The host's virtualization features: hap where a guest type offers it, iommu where the host has one. */
    private static List<String> features(Element capabilities) {
        List<String> features = new ArrayList<>();
        if (capabilities.getElementsByTagName("hap").getLength() > 0) {
            features.add("hap");
        }
        NodeList iommu = capabilities.getElementsByTagName("iommu");
        for (int i = 0; i < iommu.getLength(); i++) {
            if ("yes".equals(((Element) iommu.item(i)).getAttribute("support"))) {
                features.add("iommu");
                break;
            }
        }
        return features;
    }

    private static List<HostInfo.Node> nodes(Element capabilities, com.sun.jna.Pointer connection) {
        NodeList cells = capabilities.getElementsByTagName("cell");
        List<HostInfo.Node> nodes = new ArrayList<>();
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            int id = Integer.parseInt(cell.getAttribute("id"));
            long memory = 0;
            NodeList memories = cell.getElementsByTagName("memory");
            if (memories.getLength() > 0) {
                memory = Long.parseLong(memories.item(0).getTextContent().strip());
            }
            long[] free = new long[1];
            Long freeKiB = DirectCalls.virNodeGetCellsFreeMemory(connection, free, id, 1) == 1 ? free[0] / 1024 : null;
            if (freeKiB == null) {
                NativeCalls.LastError.take();
            }
            List<String> cpus = new ArrayList<>();
            NodeList cpuList = cell.getElementsByTagName("cpu");
            for (int c = 0; c < cpuList.getLength(); c++) {
                cpus.add(((Element) cpuList.item(c)).getAttribute("id"));
            }
            nodes.add(new HostInfo.Node(id, memory, freeKiB, String.join(",", cpus)));
        }
        return nodes;
    }

    private static Element parse(String xml) {
        try {
            return Dom.builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("libvirt's capabilities are not XML: " + e.getMessage(), e);
        }
    }
}
