package org.xenctl.libvirt;

import com.sun.jna.NativeLong;
import org.libvirt.Domain;
import org.xenctl.domain.CpuList;
import org.xenctl.domain.Hypervisor.DeviceScope;

/** A domain's memory, vCPU count and vCPU pinning changed: on the running domain, its definition, or both. */
final class ResourceChanges {
    /** virDomainMemoryModFlags: the maximum (xl mem-max), not the balloon target. */
    private static final int MEM_MAXIMUM = 4;

    private final DomainCalls domains;

    ResourceChanges(DomainCalls domains) {
        this.domains = domains;
    }

    void setMemory(String uuid, long kib, boolean maximum, DeviceScope scope) {
        Domain domain = domains.get(uuid);
        String doing = "cannot set the " + (maximum ? "maximum " : "") + "memory of domain "
                + DomainCalls.nameOf(domain) + " to " + kib + " KiB";
        for (int affect : DeviceChanges.oneAtATime(scope)) {
            NativeCalls.check(DirectCalls.virDomainSetMemoryFlags(NativeHandles.of(domain), new NativeLong(kib),
                    affect | (maximum ? MEM_MAXIMUM : 0)), doing);
        }
    }

    void setVcpus(String uuid, int count, DeviceScope scope) {
        for (int affect : DeviceChanges.oneAtATime(scope)) {
            domains.act(uuid, "set the vCPUs of", d -> d.setVcpusFlags(count, affect));
        }
    }

    void pinVcpu(String uuid, int vcpu, CpuList cpus, DeviceScope scope) {
        Domain domain = domains.get(uuid);
        byte[] map = Vcpus.cpumap(cpus);
        String doing = "cannot pin vCPU " + vcpu + " of domain " + DomainCalls.nameOf(domain) + " to CPUs " + cpus;
        for (int affect : DeviceChanges.oneAtATime(scope)) {
            NativeCalls.check(DirectCalls.virDomainPinVcpuFlags(NativeHandles.of(domain), vcpu, map, map.length,
                    affect), doing);
        }
    }
}
