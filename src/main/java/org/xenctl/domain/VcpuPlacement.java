package org.xenctl.domain;

/**
 * One vCPU of a domain, as xl vcpu-list shows it.
 *
 * @param cpu       the host CPU it runs on now; null when it is not running (or for a definition)
 * @param state     "running", "blocked", "offline"; null for a definition
 * @param cpuTimeNs the CPU time it has used; null for a definition
 * @param affinity  the host CPUs it may run on (hard affinity)
 */
public record VcpuPlacement(int vcpu, Integer cpu, String state, Long cpuTimeNs, CpuList affinity) {
}
