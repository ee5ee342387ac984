package org.xenctl.domain;

import java.util.List;

/**
 * What the host has (xl info, virsh nodeinfo and capabilities): CPUs and their topology, memory, and what guests it
 * can run.
 *
 * @param hypervisor   e.g. "Xen 4.17.3" (the driver's type and version)
 * @param freeMemoryKiB the memory no domain holds; null where the driver cannot tell (libvirt's test driver from a
 *                     file without NUMA cells)
 * @param scheduler    the scheduler Domain-0 runs under (credit, credit2…); null where there is no Domain-0
 * @param guestTypes   the guest types the host can run: pv, pvh, hvm
 * @param features     the host's virtualization features libvirt reports: hap, iommu…
 * @param nodes        per NUMA node, its memory and how much of it is free
 */
public record HostInfo(String hostname, String hypervisor, String libvirt, String cpuModel, int cpus, int cpuMhz,
                       int numaNodes, int sockets, int coresPerSocket, int threadsPerCore, long totalMemoryKiB,
                       Long freeMemoryKiB, String scheduler, List<String> guestTypes, List<String> features,
                       List<Node> nodes) {

    public HostInfo {
        guestTypes = List.copyOf(guestTypes);
        features = List.copyOf(features);
        nodes = List.copyOf(nodes);
    }

    public record Node(int id, long memoryKib, Long freeKib, String cpus) { }
}
