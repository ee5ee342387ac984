package org.xenctl.libvirt;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.xenctl.domain.CpuList;
import org.xenctl.domain.DomainResources;
import org.xenctl.domain.VcpuPlacement;

/**
 * A domain's vCPUs as libvirt reports them: each one's affinity (virDomainGetVcpuPinInfo, live or from the
 * definition) and, for the running domain, its state, CPU and CPU time (virDomainGetVcpus, read directly:
 * libvirt-java sizes its array by the online count and misreads it once vCPUs were taken offline).
 */
final class Vcpus {
    /** virVcpuState. */
    private static final int RUNNING = 1;
    private static final int BLOCKED = 2;

    private Vcpus() {
    }

    static List<VcpuPlacement> read(Pointer domain, String name, int hostCpus, DomainResources resources,
            boolean inactive) {
        int count = resources.maxVcpus();
        int mapLength = (hostCpus + 7) / 8;
        byte[] maps = new byte[count * mapLength];
        int read = NativeCalls.check(DirectCalls.virDomainGetVcpuPinInfo(domain, count, maps, mapLength,
                inactive ? DeviceChanges.AFFECT_CONFIG : DeviceChanges.AFFECT_LIVE),
                "cannot read the vCPU affinity of domain " + name);
        Map<Integer, VcpuPlacement> live = inactive ? Map.of() : running(domain, name, count);
        List<VcpuPlacement> vcpus = new ArrayList<>();
        for (int vcpu = 0; vcpu < Math.min(read, count); vcpu++) {
            BitSet cpus = new BitSet(hostCpus);
            for (int cpu = 0; cpu < hostCpus; cpu++) {
                if ((maps[vcpu * mapLength + cpu / 8] & (1 << (cpu % 8))) != 0) {
                    cpus.set(cpu);
                }
            }
            CpuList affinity = new CpuList(cpus, hostCpus);
            VcpuPlacement now = live.get(vcpu);
            // libvirt's libxl driver says "offline" for a vCPU that is online but neither running nor blocked
            // (runnable, waiting for a CPU, xl's "-"): within the online count (the first ones) it is runnable.
            String state = now == null ? "offline"
                    : now.state().equals("offline") && vcpu < resources.vcpus() ? "runnable" : now.state();
            vcpus.add(inactive ? new VcpuPlacement(vcpu, null, null, null, affinity)
                    : new VcpuPlacement(vcpu, now == null ? null : now.cpu(), state,
                            now == null ? null : now.cpuTimeNs(), affinity));
        }
        return vcpus;
    }

    /** libvirt's cpumap of a CPU list: one bit per host CPU, eight to a byte. */
    static byte[] cpumap(CpuList cpus) {
        byte[] map = new byte[(cpus.hostCpus() + 7) / 8];
        for (int cpu = 0; cpu < cpus.hostCpus(); cpu++) {
            if (cpus.contains(cpu)) {
                map[cpu / 8] |= (byte) (1 << (cpu % 8));
            }
        }
        return map;
    }

    /** The running domain's vCPUs by number: virVcpuInfo is number, state, cpuTime, cpu (24 bytes with padding). */
    private static Map<Integer, VcpuPlacement> running(Pointer domain, String name, int count) {
        Memory info = new Memory((long) count * DirectCalls.VCPU_INFO_SIZE);
        int filled = NativeCalls.check(DirectCalls.virDomainGetVcpus(domain, info, count, null, 0),
                "cannot read the vCPUs of domain " + name);
        Map<Integer, VcpuPlacement> live = new HashMap<>();
        for (int i = 0; i < filled; i++) {
            long at = (long) i * DirectCalls.VCPU_INFO_SIZE;
            int number = info.getInt(at);
            int state = info.getInt(at + 4);
            long cpuTime = info.getLong(at + 8);
            int cpu = info.getInt(at + 16);
            live.put(number, new VcpuPlacement(number, state == RUNNING ? cpu : null,
                    state == RUNNING ? "running" : state == BLOCKED ? "blocked" : "offline", cpuTime, null));
        }
        return live;
    }
}
