package org.xenctl.render.view;

/**
 * One domain in `list`. The resource fields (memory, vCPUs, CPU time) are null when the listing did not read them,
 * which it does only when no column asked for them.
 */
public record DomainRow(Integer id, String name, String uuid, String state, String reason, Long memoryKib,
                        Long maxMemoryKib, Integer vcpus, Long cpuTimeNs) {
}
