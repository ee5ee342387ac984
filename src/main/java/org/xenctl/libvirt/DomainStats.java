package org.xenctl.libvirt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.xenctl.domain.DomainState;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.DomainSummary.Detail;
import org.xenctl.domain.DomainSummary.Resources;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * Domain summaries of one connection. Where the driver has them, in one round trip: virConnectGetAllDomainStats
 * (every domain) or virDomainListGetStats (given domains), asking for the state and, with the resources, for CPU
 * time, balloon and vCPU figures together; a driver that leaves some of those out (libvirt's test driver gives only
 * the state) is completed with virDomainGetInfo for those domains alone, and only when the resources were asked
 * for. libvirt's libxl driver (9.0) has no bulk stats at all: after its first "not supported", this connection lists
 * with virConnectListAllDomains and reads each domain's state with virDomainGetState, as virsh does, and its
 * resources with virDomainGetInfo.
 */
final class DomainStats {
    private static final int RESOURCE_GROUPS = DirectCalls.STATS_CPU_TOTAL | DirectCalls.STATS_BALLOON
            | DirectCalls.STATS_VCPU;
    private static final int RECORD_PARAMS_OFFSET = Native.POINTER_SIZE;
    private static final int RECORD_NPARAMS_OFFSET = 2 * Native.POINTER_SIZE;

    private final Pointer connect;
    private boolean bulk;

    DomainStats(Pointer connect) {
        this(connect, true);
    }

    /** {@code bulk} false starts on the one-by-one path (tests compare both paths on one driver). */
    DomainStats(Pointer connect, boolean bulk) {
        this.connect = connect;
        this.bulk = bulk;
    }

    List<DomainSummary> all(boolean includeInactive, Detail detail) {
        if (bulk) {
            PointerByReference records = new PointerByReference();
            int flags = includeInactive ? 0 : DirectCalls.STATS_ACTIVE;
            int count = DirectCalls.virConnectGetAllDomainStats(connect, groups(detail), records, flags);
            if (count >= 0) {
                return withoutGone(readAndFree(records.getValue(), count, detail, DomainStats::unlessGone));
            }
            fallBackIfUnsupported("cannot list domains");
        }
        return listOneByOne(includeInactive, detail);
    }

    List<DomainSummary> of(List<Pointer> domains, Detail detail) {
        if (bulk) {
            Memory terminated = new Memory((long) (domains.size() + 1) * Native.POINTER_SIZE);
            terminated.clear();
            for (int i = 0; i < domains.size(); i++) {
                terminated.setPointer((long) i * Native.POINTER_SIZE, domains.get(i));
            }
            PointerByReference records = new PointerByReference();
            int count = DirectCalls.virDomainListGetStats(terminated, groups(detail), records, 0);
            if (count >= 0) {
                return readAndFree(records.getValue(), count, detail, Supplier::get);
            }
            fallBackIfUnsupported("cannot read domain state");
        }
        return ConcurrentCalls.map(domains, domain -> oneByOne(domain, detail));
    }

    private static int groups(Detail detail) {
        return DirectCalls.STATS_STATE | (detail == Detail.RESOURCES ? RESOURCE_GROUPS : 0);
    }

    /** After a failed bulk call: throws its error, unless the driver lacks the call (then never asks again). */
    private void fallBackIfUnsupported(String doing) {
        XenctlException failure = NativeCalls.lastError(doing);
        if (failure.code() != ErrorCode.UNSUPPORTED) {
            throw failure;
        }
        bulk = false;
    }

    private List<DomainSummary> listOneByOne(boolean includeInactive, Detail detail) {
        PointerByReference array = new PointerByReference();
        int flags = includeInactive ? 0 : DirectCalls.LIST_DOMAINS_ACTIVE;
        int count = NativeCalls.check(DirectCalls.virConnectListAllDomains(connect, array, flags), "cannot list domains");
        Pointer domains = array.getValue();
        List<Pointer> pointers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pointers.add(domains.getPointer((long) i * Native.POINTER_SIZE));
        }
        try {
            return withoutGone(ConcurrentCalls.map(pointers, domain -> unlessGone(() -> oneByOne(domain, detail))));
        } finally {
            pointers.forEach(DirectCalls::virDomainFree);
            if (domains != null) {
                Native.free(Pointer.nativeValue(domains));
            }
        }
    }

    private static DomainSummary oneByOne(Pointer domain, Detail detail) {
        String name = DirectCalls.virDomainGetName(domain);
        DomainInfo info = detail == Detail.RESOURCES ? infoSettled(domain, name) : null;
        IntByReference stateCode = new IntByReference();
        IntByReference reasonCode = new IntByReference();
        NativeCalls.check(DirectCalls.virDomainGetState(domain, stateCode, reasonCode, 0),
                "cannot read domain " + name);
        DomainState state = DomainState.fromCode(stateCode.getValue());
        Resources resources = info == null ? null : new Resources(info.memoryKiB(), info.maxMemKiB(), info.vcpus(),
                state.isActive() ? info.cpuTimeNs() : 0);
        return new DomainSummary(DirectCalls.virDomainGetID(domain), name, uuid(domain), state,
                state.reason(reasonCode.getValue()), resources);
    }

    /**
     * virDomainGetInfo, through libxl's race: a domain that has just stopped is still active in libvirt's books for
     * a moment, and the call fails with "libxl_domain_info failed" until libvirt has handled the shutdown (seen in
     * the Xen lab during shutdown --wait). A failure of that kind is asked again for up to a second.
     */
    private static DomainInfo infoSettled(Pointer domain, String name) {
        for (int attempt = 1; ; attempt++) {
            DomainInfo info = DomainInfo.of(domain);
            if (info != null) {
                return info;
            }
            XenctlException failure = NativeCalls.lastError("cannot read domain " + name);
            if (attempt == 10 || failure.code() != ErrorCode.OPERATION_FAILED) {
                throw failure;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    /**
     * A listing of every domain leaves out one that is gone by the time its own call is made (a transient domain
     * destroyed meanwhile, on a busy host): it was listed a moment too early, which is not an error. A null stands
     * for it until {@link #withoutGone}. Domains asked for by name stay an error when gone.
     */
    private static DomainSummary unlessGone(Supplier<DomainSummary> read) {
        try {
            return read.get();
        } catch (XenctlException e) {
            if (e.code() == ErrorCode.DOMAIN_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static List<DomainSummary> withoutGone(List<DomainSummary> summaries) {
        return summaries.contains(null) ? summaries.stream().filter(Objects::nonNull).toList() : summaries;
    }

    /** Reads the records, then completes those the driver left short (one call each, several at once). */
    private static List<DomainSummary> readAndFree(Pointer list, int count, Detail detail,
            Function<Supplier<DomainSummary>, DomainSummary> guard) {
        if (list == null) {
            return List.of();
        }
        try {
            List<Record> records = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                records.add(Record.read(list.getPointer((long) i * Native.POINTER_SIZE)));
            }
            if (detail == Detail.STATE) {
                return records.stream().map(Record::withoutResources).toList();
            }
            return ConcurrentCalls.map(records, record -> guard.apply(record::complete));
        } finally {
            DirectCalls.virDomainStatsRecordListFree(list);
        }
    }

    /** One domain's stats record, read while the record list is alive: local calls only, no round trip. */
    private record Record(Pointer domain, Map<String, Object> stats, String name, int id) {
        static Record read(Pointer record) {
            Pointer domain = record.getPointer(0);
            Map<String, Object> stats = TypedParameters.read(record.getPointer(RECORD_PARAMS_OFFSET),
                    record.getInt(RECORD_NPARAMS_OFFSET));
            return new Record(domain, stats, DirectCalls.virDomainGetName(domain),
                    DirectCalls.virDomainGetID(domain));
        }

        DomainSummary withoutResources() {
            DomainState state = state();
            return new DomainSummary(id, name, uuid(domain), state, reason(state), null);
        }

        DomainSummary complete() {
            DomainState state = state();
            String reason = reason(state);
            Number memory = number(stats, "balloon.current", null);
            Number maxMemory = number(stats, "balloon.maximum", null);
            Number vcpus = number(stats, "vcpu.current", null);
            Number cpuTime = number(stats, "cpu.time", null);
            if (memory == null || maxMemory == null || vcpus == null || cpuTime == null) {
                DomainInfo info = DomainInfo.of(domain);
                if (info == null) {
                    throw NativeCalls.lastError("cannot read domain " + name);
                }
                memory = memory != null ? memory : info.memoryKiB();
                maxMemory = maxMemory != null ? maxMemory : info.maxMemKiB();
                vcpus = vcpus != null ? vcpus : info.vcpus();
                cpuTime = cpuTime != null ? cpuTime : info.cpuTimeNs();
            }
            return new DomainSummary(id, name, uuid(domain), state, reason, memory.longValue(),
                    maxMemory.longValue(), vcpus.intValue(), state.isActive() ? cpuTime.longValue() : 0);
        }

        private DomainState state() {
            return DomainState.fromCode(number(stats, "state.state", 0).intValue());
        }

        private String reason(DomainState state) {
            return state.reason(number(stats, "state.reason", 0).intValue());
        }
    }

    /** The domain's UUID, read from its virDomainPtr. */
    static String uuid(Pointer domain) {
        byte[] uuid = new byte[37];
        NativeCalls.check(DirectCalls.virDomainGetUUIDString(domain, uuid), "cannot read a domain's UUID");
        return Native.toString(uuid);
    }

    private static Number number(Map<String, Object> stats, String field, Number fallback) {
        return stats.get(field) instanceof Number n ? n : fallback;
    }
}
