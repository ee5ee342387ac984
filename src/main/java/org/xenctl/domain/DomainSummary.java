package org.xenctl.domain;

/**
 * What `list` shows of a domain: identity, state and the resources it holds. Memory is in KiB and CPU time in
 * nanoseconds, as libvirt counts them; renderers choose the units people read.
 *
 * @param id          the hypervisor's domain id, or -1 when the domain is not running
 * @param reason      why the domain is in its state (libvirt's reason, named), e.g. "destroyed"
 * @param memoryKiB   memory the domain holds now (balloon target for a running domain)
 * @param maxMemoryKiB the most memory it may hold
 * @param vcpus       virtual CPUs online (running) or configured (shut off)
 * @param cpuTimeNs   CPU time consumed since it started, 0 when shut off
 */
public record DomainSummary(int id, String name, String uuid, DomainState state, String reason,
                            long memoryKiB, long maxMemoryKiB, int vcpus, long cpuTimeNs) {

    public boolean isActive() {
        return state.isActive();
    }
}
