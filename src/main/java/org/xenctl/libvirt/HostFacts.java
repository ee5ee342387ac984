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
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.HostInfo;
import org.xenctl.domain.XenctlException;
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
        Capabilities capabilities = Capabilities.read(call("cannot read the host's capabilities",
                connect::getCapabilities));
        List<HostInfo.Node> nodes = capabilities.cells().stream()
                .map(cell -> new HostInfo.Node(cell.id(), cell.memoryKiB(), freeKiB(connection, cell.id()),
                        cell.cpus()))
                .toList();
        return new HostInfo(host, type + (version == 0 ? "" : " " + LibvirtHypervisor.dotted(version)),
                LibvirtHypervisor.dotted(libvirt), node.model, node.cpus, node.mhz, node.nodes, node.sockets,
                node.cores, node.threads, node.memory, freeKiB, scheduler(connect), capabilities.guestTypes(),
                capabilities.features(), nodes);
    }

    /** A NUMA node's free memory, or null where the driver cannot tell. */
    private static Long freeKiB(com.sun.jna.Pointer connection, int cell) {
        long[] free = new long[1];
        if (DirectCalls.virNodeGetCellsFreeMemory(connection, free, cell, 1) == 1) {
            return free[0] / 1024;
        }
        NativeCalls.LastError.take();
        return null;
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

    /**
     * What host-info shows of the capabilities XML (virsh capabilities). libvirt's answer, which a remote host of
     * another version writes: anything unreadable in it is OPERATION_FAILED (exit 1), never an internal error.
     */
    record Capabilities(List<String> guestTypes, List<String> features, List<Cell> cells) {
        /** A NUMA node: its id, memory and CPUs ("0,1,2"). */
        record Cell(int id, long memoryKiB, String cpus) { }

        static Capabilities read(String xml) {
            Element root;
            try {
                root = Dom.builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
            } catch (SAXException | IOException e) {
                throw unreadable(e);
            }
            try {
                return new Capabilities(guestTypes(root), features(root), cells(root));
            } catch (NumberFormatException e) {
                throw unreadable(e);
            }
        }

        private static XenctlException unreadable(Exception e) {
            return new XenctlException(ErrorCode.OPERATION_FAILED, "libvirt described the host's capabilities in XML "
                    + "xenctl cannot read: " + e.getMessage(), null, e);
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

        private static List<Cell> cells(Element capabilities) {
            NodeList cells = capabilities.getElementsByTagName("cell");
            List<Cell> found = new ArrayList<>();
            for (int i = 0; i < cells.getLength(); i++) {
                Element cell = (Element) cells.item(i);
                long memory = 0;
                NodeList memories = cell.getElementsByTagName("memory");
                if (memories.getLength() > 0) {
                    memory = Long.parseLong(memories.item(0).getTextContent().strip());
                }
                List<String> cpus = new ArrayList<>();
                NodeList cpuList = cell.getElementsByTagName("cpu");
                for (int c = 0; c < cpuList.getLength(); c++) {
                    cpus.add(((Element) cpuList.item(c)).getAttribute("id"));
                }
                found.add(new Cell(Integer.parseInt(cell.getAttribute("id")), memory, String.join(",", cpus)));
            }
            return found;
        }
    }
}
