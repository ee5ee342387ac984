package org.xenctl.libvirt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import org.xenctl.domain.DomainState;
import org.xenctl.domain.DomainSummary;

/**
 * Domain summaries in one round trip: virConnectGetAllDomainStats (every domain) or virDomainListGetStats (given
 * domains), asking for state, CPU time, balloon and vCPU figures together. A driver that leaves some of those out
 * (libvirt's test driver gives only the state) is completed with virDomainGetInfo for those domains alone; libxl
 * gives them all.
 */
final class DomainStats {
    private static final int GROUPS = NativeLibvirt.STATS_STATE | NativeLibvirt.STATS_CPU_TOTAL
            | NativeLibvirt.STATS_BALLOON | NativeLibvirt.STATS_VCPU;
    private static final int RECORD_PARAMS_OFFSET = Native.POINTER_SIZE;
    private static final int RECORD_NPARAMS_OFFSET = 2 * Native.POINTER_SIZE;

    private DomainStats() {
    }

    static List<DomainSummary> all(Pointer connect, boolean includeInactive) {
        PointerByReference records = new PointerByReference();
        int flags = includeInactive ? 0 : NativeLibvirt.STATS_ACTIVE;
        int count = NativeCalls.check(
                NativeLibvirt.INSTANCE.virConnectGetAllDomainStats(connect, GROUPS, records, flags),
                "cannot list domains");
        return readAndFree(records.getValue(), count);
    }

    static List<DomainSummary> of(List<Pointer> domains) {
        Pointer[] terminated = domains.toArray(new Pointer[domains.size() + 1]);
        PointerByReference records = new PointerByReference();
        int count = NativeCalls.check(
                NativeLibvirt.INSTANCE.virDomainListGetStats(terminated, GROUPS, records, 0),
                "cannot read domain state");
        return readAndFree(records.getValue(), count);
    }

    private static List<DomainSummary> readAndFree(Pointer list, int count) {
        if (list == null) {
            return List.of();
        }
        try {
            List<DomainSummary> summaries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                summaries.add(summary(list.getPointer((long) i * Native.POINTER_SIZE)));
            }
            return summaries;
        } finally {
            NativeLibvirt.INSTANCE.virDomainStatsRecordListFree(list);
        }
    }

    private static DomainSummary summary(Pointer record) {
        Pointer domain = record.getPointer(0);
        Map<String, Object> stats = TypedParameters.read(record.getPointer(RECORD_PARAMS_OFFSET),
                record.getInt(RECORD_NPARAMS_OFFSET));
        NativeLibvirt lib = NativeLibvirt.INSTANCE;
        byte[] uuid = new byte[37];
        NativeCalls.check(lib.virDomainGetUUIDString(domain, uuid), "cannot read a domain's UUID");
        String name = lib.virDomainGetName(domain);
        int id = lib.virDomainGetID(domain);

        DomainState state = DomainState.fromCode(number(stats, "state.state", 0).intValue());
        String reason = state.reason(number(stats, "state.reason", 0).intValue());
        Number memory = number(stats, "balloon.current", null);
        Number maxMemory = number(stats, "balloon.maximum", null);
        Number vcpus = number(stats, "vcpu.current", null);
        Number cpuTime = number(stats, "cpu.time", null);
        if (memory == null || maxMemory == null || vcpus == null || cpuTime == null) {
            NativeLibvirt.DomainInfo info = new NativeLibvirt.DomainInfo();
            NativeCalls.check(lib.virDomainGetInfo(domain, info), "cannot read domain " + name);
            memory = memory != null ? memory : info.memory.longValue();
            maxMemory = maxMemory != null ? maxMemory : info.maxMem.longValue();
            vcpus = vcpus != null ? vcpus : Short.toUnsignedInt(info.nrVirtCpu);
            cpuTime = cpuTime != null ? cpuTime : info.cpuTime;
        }
        return new DomainSummary(id, name, Native.toString(uuid), state, reason, memory.longValue(),
                maxMemory.longValue(), vcpus.intValue(), state.isActive() ? cpuTime.longValue() : 0);
    }

    private static Number number(Map<String, Object> stats, String field, Number fallback) {
        return stats.get(field) instanceof Number n ? n : fallback;
    }
}
