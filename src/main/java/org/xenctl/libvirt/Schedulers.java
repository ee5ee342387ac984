package org.xenctl.libvirt;

import java.util.LinkedHashMap;
import java.util.Map;

import org.libvirt.Domain;
import org.libvirt.SchedParameter;
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
        String scheduler = LibvirtCalls.call(doing, domain::getSchedulerType);
        Integer weight = null;
        Integer cap = null;
        for (SchedParameter parameter : LibvirtCalls.call(doing, domain::getSchedulerParameters)) {
            if (parameter.field.equals(WEIGHT)) {
                weight = number(parameter);
            } else if (parameter.field.equals(CAP)) {
                cap = number(parameter);
            }
        }
        return new SchedulerSettings(scheduler, weight, cap);
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
    private static Integer number(SchedParameter parameter) {
        try {
            return (int) Long.parseLong(parameter.getValueAsString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
