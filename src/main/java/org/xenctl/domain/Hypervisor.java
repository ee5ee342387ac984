package org.xenctl.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.xenctl.domain.spec.PciAssignment;

/**
 * The port through which commands drive a host's domains. Operations take the domain's UUID, the one name that
 * never changes under a command's feet; {@link #lookup} turns what the user typed into it. Every failure is a
 * {@link XenctlException}.
 */
public interface Hypervisor extends AutoCloseable {

    /** The URI of the open connection, as the hypervisor reports it. */
    String uri();

    HostVersion version();

    /** The type libvirt domain XML has on this host ("xen" for libxl, "test" for the test driver). */
    String domainXmlType();

    /**
     * Every domain (running ones only unless {@code includeInactive}), gathered in as few round trips as possible,
     * running domains first by id, then shut-off ones by name; {@code detail} says whether their resources are read.
     */
    List<DomainSummary> list(boolean includeInactive, DomainSummary.Detail detail);

    /** {@link #list(boolean, DomainSummary.Detail)} with the resources. */
    default List<DomainSummary> list(boolean includeInactive) {
        return list(includeInactive, DomainSummary.Detail.RESOURCES);
    }

    /** Summaries of the named domains, in the order given; an unknown name fails with DOMAIN_NOT_FOUND. */
    List<DomainSummary> summaries(List<DomainRef> refs, DomainSummary.Detail detail);

    /** {@link #summaries(List, DomainSummary.Detail)} with the resources. */
    default List<DomainSummary> summaries(List<DomainRef> refs) {
        return summaries(refs, DomainSummary.Detail.RESOURCES);
    }

    /** The domain the user means by name, id or UUID; DOMAIN_NOT_FOUND when there is none. */
    DomainSummary lookup(DomainRef ref);

    /** The domain's current summary, or empty once it no longer exists. */
    Optional<DomainSummary> refresh(String uuid);

    /** How {@code summary}'s domain is defined and which devices it has; the summary is reused, not re-read. */
    DomainDetails details(DomainSummary summary);

    /**
     * Defines a persistent domain from libvirt domain XML, or updates the definition of the domain with that name
     * and UUID. The result says whether anything changed, so that defining the same XML twice is a no-op.
     */
    Definition define(String xml);

    /** What {@link #define} did. */
    record Definition(DomainSummary domain, boolean created, boolean changed) { }

    /**
     * Refuses (DOMAIN_EXISTS, saying what holds it) the name of the domain {@code xml} describes when a domain has
     * it: what create says first, before checking the new domain's devices. {@link #createTransient} refuses it too.
     */
    void requireNameFree(String xml);

    /** Starts a transient domain from libvirt domain XML. */
    DomainSummary createTransient(String xml, boolean paused);

    void start(String uuid, boolean paused);

    /** How a guest is asked to shut down. */
    enum ShutdownRequest {
        /** libvirt's default: Xen's PV shutdown request, or the ACPI power button where the guest has no PV one. */
        DEFAULT,
        /** The ACPI power button only (S5, through the guest's ACPI; an HVM guest's emulated PM block). */
        ACPI_POWER_BUTTON
    }

    /**
     * Sends the request; on Xen it returns once the guest has acknowledged it (libxl waits up to 60 s). Called from
     * several threads at once, one request each (shutdown --all), and may be left running when the command ends.
     */
    void shutdown(String uuid, ShutdownRequest request);

    void destroy(String uuid);

    /**
     * Asks the guest to reboot. True when the reboot is already over on return: libvirt's test driver restarts the
     * domain in place within the call, with no event, and from its second reboot on nothing in the domain's state
     * shows that it happened. False where the guest reboots after the call (Xen: libxl builds it again).
     */
    boolean reboot(String uuid);

    void pause(String uuid);

    /** Asks the guest to suspend to RAM, S3 (virDomainPMSuspendForDuration, no wake-up timer). */
    void suspendToMemory(String uuid);

    /** Wakes a guest suspended to RAM (virDomainPMWakeup). */
    void wakeUp(String uuid);

    void unpause(String uuid);

    void undefine(String uuid);

    void rename(String uuid, String newName);

    void setAutostart(String uuid, boolean enabled);

    /**
     * The domain's libvirt XML: the live one, or the persistent definition when {@code inactive}. For what shows or
     * converts the XML itself (dumpxml, config export); everything else asks for records.
     */
    String xml(String uuid, boolean inactive);

    /** The domain's devices: the running domain's, or its persistent definition's when {@code inactive}. */
    DomainDevices devices(String uuid, boolean inactive);

    /** Hands a host PCI device to the domain: to the running domain, its persistent definition, or both. */
    void attachPci(String uuid, PciAssignment device, DeviceScope scope);

    /** Takes the host PCI device at {@code address} away from the domain, where {@code scope} says. */
    void detachPci(String uuid, PciAddress address, DeviceScope scope);

    /** Adds a network interface (its MAC given) to the domain, where {@code scope} says. */
    void attachNic(String uuid, org.xenctl.domain.spec.Nic nic, DeviceScope scope);

    /** Removes the network interface with {@code mac} from the domain, where {@code scope} says. */
    void detachNic(String uuid, String mac, DeviceScope scope);

    /** Adds a disk or CD-ROM drive to the domain, where {@code scope} says. */
    void attachDisk(String uuid, org.xenctl.domain.spec.Disk disk, DeviceScope scope);

    /** Removes the disk the guest sees as {@code vdev} from the domain, where {@code scope} says. */
    void detachDisk(String uuid, String vdev, DeviceScope scope);

    /**
     * Puts {@code target} in the CD-ROM drive the guest sees as {@code vdev}, or empties it when {@code target} is
     * null, where {@code scope} says (virDomainUpdateDeviceFlags).
     */
    void changeMedia(String uuid, String vdev, String target, DeviceScope scope);

    /** The domain's memory and vCPUs: the running domain's, or its persistent definition's when {@code inactive}. */
    DomainResources resources(String uuid, boolean inactive);

    /**
     * Sets the balloon target ({@code maximum} false, xl mem-set) or the most the domain may have ({@code maximum}
     * true, xl mem-max), where {@code scope} says.
     */
    void setMemory(String uuid, long kib, boolean maximum, DeviceScope scope);

    /** Sets the number of vCPUs online, where {@code scope} says. */
    void setVcpus(String uuid, int count, DeviceScope scope);

    /** The domain's vCPUs and where they may run: the running domain's, or its definition's when {@code inactive}. */
    List<VcpuPlacement> vcpus(String uuid, boolean inactive);

    /** Pins one vCPU to {@code cpus} (hard affinity), where {@code scope} says. */
    void pinVcpu(String uuid, int vcpu, CpuList cpus, DeviceScope scope);

    /**
     * Waits, the connection kept alive meanwhile (a daemon drops a client that stays silent too long): for commands
     * that idle between calls, such as stats. INTERRUPTED on Ctrl-C.
     */
    void idle(java.time.Duration duration);

    /**
     * Opens the running domain's console: its first one (libvirt's libxl driver opens no other). {@code force}
     * takes it over from another session. Needs a connection with events (the stream is woken by the event loop).
     */
    Console openConsole(String uuid, boolean force);

    /** Saves the running domain's memory to {@code file} on the host (virDomainSave); the domain stops. */
    void save(String uuid, String file);

    /**
     * Writes the running domain's memory to {@code file} on the host as a core file (virDomainCoreDump): paused
     * meanwhile unless {@code live}, which dumps it as it runs; destroyed afterwards if {@code crash}, else left as it
     * was.
     */
    void dumpCore(String uuid, String file, boolean live, boolean crash);

    /**
     * Recreates a saved domain from {@code file} on the host (virDomainRestoreFlags), paused if asked; the domain
     * restored when it can be told (from the image where the driver reads one, or as the domain that just started).
     */
    Optional<DomainSummary> restore(String file, boolean paused);

    /** Saves the running domain where libvirt keeps it; start restores it (virDomainManagedSave). */
    void managedSave(String uuid);

    /** Whether libvirt keeps a managed save of the domain, which its next start restores. */
    boolean hasManagedSave(String uuid);

    /** Discards the domain's managed save: its next start boots it. */
    void removeManagedSave(String uuid);

    /**
     * Moves the running domain to {@code destination}'s host (libvirt's migration: xenctl drives both ends, or the
     * source's libvirtd reaches the destination itself when {@code migration} is peer to peer). Returns once the
     * destination has it.
     */
    void migrate(String uuid, Hypervisor destination, Migration migration);

    /**
     * Whether libvirt still holds a job on the domain (virDomainGetJobInfo). libvirt 9.0's libxl driver holds one while
     * it handles a guest's shutdown (the domain already shows shut off while it is destroyed and, by its on_poweroff
     * action, started again), and can keep one after a failed migration, which every later change then waits for.
     * A driver that keeps no jobs (the test driver) fails the call as unsupported: callers take that as no job.
     */
    boolean hasJob(String uuid);

    /**
     * The type of the host's network interface {@code name} ("bridge", "ethernet"…; libvirt's interface driver),
     * empty when the host has none by that name; UNSUPPORTED when the host's libvirtd cannot tell.
     */
    Optional<String> hostInterfaceType(String name);

    /**
     * Which of these files exist on the host, as far as libvirt's storage pools can tell (a transient directory pool
     * where no pool has the file): true or false per path, no entry where it cannot tell.
     */
    java.util.Map<String, Boolean> filesExist(java.util.Collection<String> paths);

    /** Whether the host has an active libvirt network {@code name}; UNSUPPORTED when its libvirtd cannot tell. */
    boolean hasActiveNetwork(String name);

    /** The running domain's scheduler, weight and cap (virDomainGetSchedulerParameters). */
    SchedulerSettings scheduler(String uuid);

    /**
     * Sets the running domain's weight and cap, each unchanged where null (Xen's libvirt driver keeps no definition).
     */
    void setScheduler(String uuid, Integer weight, Integer cap);

    /** What the host has: CPUs, memory, NUMA nodes, the guests it can run. */
    HostInfo hostInfo();

    /**
     * The counters of the running domains with these UUIDs (every running domain when none is given): CPU time,
     * memory, vCPUs, network and block I/O summed over the domain's devices.
     */
    List<DomainSample> sample(List<String> uuids);

    /** The host's physical CPUs (what CPU lists are read against). */
    int hostCpus();

    /** The host's free memory in KiB (what a domain may still be given). */
    long freeMemoryKiB();

    /** The host's PCI devices through libvirt's node-device API (for a host whose sysfs is out of reach). */
    List<NodePciDevice> nodePciDevices();

    /** One host PCI device through the node-device API; DEVICE_NOT_FOUND when the host has none there. */
    NodePciDevice nodePciDevice(String address);

    /** Binds a host PCI device to xen-pciback through libvirt (virNodeDeviceDetachFlags with the "xen" stub). */
    void detachNodePci(String address);

    /** Gives a host PCI device back to the host's drivers through libvirt (virNodeDeviceReAttach). */
    void reattachNodePci(String address);

    /** Where a device change applies: the running domain ({@code live}), its persistent definition, or both. */
    record DeviceScope(boolean live, boolean config) { }

    /**
     * Delivers lifecycle events to {@code sink} in the order libvirt sends them, until the sink returns false or
     * {@code timeout} passes (null: never); INTERRUPTED when the waiting thread is. {@code wanted} filters by the
     * domain's name or UUID (empty: every domain).
     */
    void streamEvents(Set<String> wanted, Duration timeout, Predicate<LifecycleEvent> sink);

    /**
     * Starts watching one domain's lifecycle. Open it before the operation whose effect you wait for, so that no
     * event falls between the two.
     */
    DomainWatch watch(String uuid);

    @Override
    void close();

    /** Waits for a domain to reach a condition, by lifecycle events where the connection has them, else by polling. */
    interface DomainWatch extends AutoCloseable {

        /**
         * Returns the first summary (empty: the domain is gone) that satisfies the condition, checked now and after
         * every event or poll; TIMEOUT when {@code timeout} passes first, INTERRUPTED when the waiting thread is.
         * A null timeout waits for ever.
         */
        Optional<DomainSummary> await(Condition condition, Duration timeout);

        /** True once a (re)start event was seen for this domain since the watch began. */
        boolean sawRestart();

        @Override
        void close();
    }

    /** A state to wait for, with a description for timeout messages. */
    interface Condition {
        boolean test(Optional<DomainSummary> now);

        String description();
    }
}
