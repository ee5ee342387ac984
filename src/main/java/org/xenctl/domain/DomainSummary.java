package org.xenctl.domain;

/**
 * What `list` shows of a domain: identity, state and, when they were asked for, the resources it holds. Memory is
 * in KiB and CPU time in nanoseconds, as libvirt counts them; renderers choose the units people read.
 *
 * @param id        the hypervisor's domain id, or -1 when the domain is not running
 * @param reason    why the domain is in its state (libvirt's reason, named), e.g. "destroyed"
 * @param resources memory, vCPUs and CPU time; null when the listing asked for identity and state only
 *                  ({@link Detail#STATE}), and then the accessors below fail rather than answer zero
 */
public record DomainSummary(int id, String name, String uuid, DomainState state, String reason,
                            Resources resources) {

    /**
     * How much a listing reads. Identity and state come with one bulk call on every driver that has one; the
     * resources need per-domain calls where the driver's bulk statistics leave them out (libvirt's test driver).
     */
    public enum Detail { STATE, RESOURCES }

    /**
     * @param memoryKiB    memory the domain holds now (balloon target for a running domain)
     * @param maxMemoryKiB the most memory it may hold
     * @param vcpus        virtual CPUs online (running) or configured (shut off)
     * @param cpuTimeNs    CPU time consumed since it started, 0 when shut off
     */
    public record Resources(long memoryKiB, long maxMemoryKiB, int vcpus, long cpuTimeNs) {
    }

    public DomainSummary(int id, String name, String uuid, DomainState state, String reason,
                         long memoryKiB, long maxMemoryKiB, int vcpus, long cpuTimeNs) {
        this(id, name, uuid, state, reason, new Resources(memoryKiB, maxMemoryKiB, vcpus, cpuTimeNs));
    }

    public boolean isActive() {
        return state.isActive();
    }

    /** Domain-0, the host's control domain: libvirt's libxl driver lists it running with id 0 (guests have more). */
    public boolean isControlDomain() {
        return id == 0 && isActive();
    }

    public boolean hasResources() {
        return resources != null;
    }

    @Override
    public Resources resources() {
        if (resources == null) {
            throw new IllegalStateException("the resources of domain " + name + " were not read (Detail.STATE)");
        }
        return resources;
    }

    public long memoryKiB() {
        return resources().memoryKiB();
    }

    public long maxMemoryKiB() {
        return resources().maxMemoryKiB();
    }

    public int vcpus() {
        return resources().vcpus();
    }

    public long cpuTimeNs() {
        return resources().cpuTimeNs();
    }
}
