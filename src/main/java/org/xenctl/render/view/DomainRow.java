package org.xenctl.render.view;

import org.xenctl.render.SecondsFormat;

/**
 * One domain in `list`. JSON fields: id (null when not running), name, uuid, state, reason, memory_kib,
 * max_memory_kib, vcpus, cpu_time_ns.
 */
public record DomainRow(Integer id, String name, String uuid, String state, String reason, long memoryKib,
                        long maxMemoryKib, int vcpus, long cpuTimeNs) {

    String memoryMib() {
        return Long.toString(memoryKib / 1024);
    }

    String cpuSeconds() {
        return SecondsFormat.ofNanos(cpuTimeNs);
    }
}
