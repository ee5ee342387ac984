package org.xenctl.libvirt;

import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import org.libvirt.Domain;
import org.xenctl.domain.SchedulerSettings;

/**
 * A running domain's scheduler parameters (virDomainGet/SetSchedulerParameters, without flags): the
 * libxl driver refuses the LIVE and CONFIG flags, and reads and sets weight and cap under credit and credit2 alike.
 */
final class Schedulers {
    private static final String WEIGHT = "weight";
    private static final String CAP = "cap";

    private Schedulers() {
    }

    static SchedulerSettings read(Domain domain, String name) {
        String doing = "cannot read the scheduler parameters of domain " + name;
        Pointer handle = NativeHandles.of(domain);
        IntByReference count = new IntByReference();
        String scheduler = DirectCalls.takeString(DirectCalls.virDomainGetSchedulerType(handle, count));
        if (scheduler == null) {
            throw NativeCalls.lastError(doing);
        }
        Map<String, Object> parameters = Map.of();
        if (count.getValue() > 0) {
            Memory params = new Memory((long) count.getValue() * TypedParameters.SIZE);
            params.clear();
            NativeCalls.check(DirectCalls.virDomainGetSchedulerParameters(handle, params, count), doing);
            parameters = TypedParameters.read(params, count.getValue());
        }
        return new SchedulerSettings(scheduler, number(parameters.get(WEIGHT)), number(parameters.get(CAP)));
    }

    /** Both in one call, so that a refusal changes neither. */
    static void write(Domain domain, String name, Integer weight, Integer cap) {
        Map<String, Integer> parameters = new LinkedHashMap<>();
        if (weight != null) {
            parameters.put(WEIGHT, weight);
        }
        if (cap != null) {
            parameters.put(CAP, cap);
        }
        NativeCalls.check(DirectCalls.virDomainSetSchedulerParameters(NativeHandles.of(domain),
                TypedParameters.uints(parameters), parameters.size()),
                "cannot set the scheduler parameters of domain " + name);
    }

    /** libvirt reports both as unsigned ints; another driver might say another integer type. */
    private static Integer number(Object value) {
        return value instanceof Long number ? (int) number.longValue() : null;
    }
}
