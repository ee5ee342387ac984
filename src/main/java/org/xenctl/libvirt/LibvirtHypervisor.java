package org.xenctl.libvirt;

import static org.xenctl.libvirt.LibvirtCalls.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.xenctl.domain.ConnectOptions;
import org.xenctl.domain.Console;
import org.xenctl.domain.CpuList;
import org.xenctl.domain.DomainResources;
import org.xenctl.domain.DomainSample;
import org.xenctl.domain.SchedulerSettings;
import org.xenctl.domain.HostInfo;
import org.xenctl.domain.VcpuPlacement;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainDevices;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.HostVersion;
import org.xenctl.domain.LifecycleEvent;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Migration;
import org.xenctl.domain.NodePciDevice;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.XenctlException;
import org.xenctl.domain.spec.Disk;
import org.xenctl.domain.spec.Nic;
import org.xenctl.domain.spec.PciAssignment;

/**
 * {@link Hypervisor} over one libvirt connection: the connection itself, listing, lifecycle calls, consoles, saves
 * and events here; new definitions ({@link Definitions}), device changes ({@link DeviceChanges}), memory and vCPU
 * changes ({@link ResourceChanges}), host queries ({@link HostQueries}) and migration ({@link Migrations}) in classes
 * of their own. Domain handles are kept by UUID to save lookups.
 */
public final class LibvirtHypervisor implements Hypervisor {
    private static final int XML_INACTIVE = 2;
    private static final int CREATE_PAUSED = 1;
    /** virDomainShutdownFlagValues' VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN. */
    private static final int SHUTDOWN_ACPI_POWER_BTN = 1;
    /** virDomainCoreDumpFlags' VIR_DUMP_CRASH and VIR_DUMP_LIVE. */
    private static final int DUMP_CRASH = 1;
    private static final int DUMP_LIVE = 2;
    /** virConnectGetType of libvirt's test driver, which reboots a domain within the call. */
    private static final String TEST_DRIVER = "TEST";

    /**
     * As virsh lists: running domains by id, then shut-off ones by name. Written out rather than composed with
     * Comparator.comparing: the JDK's composing lambdas are made at every start (~1 ms), outside the class-data
     * archive.
     */
    private static final Comparator<DomainSummary> LIST_ORDER = new Comparator<>() {
        @Override
        public int compare(DomainSummary a, DomainSummary b) {
            if (a.isActive() != b.isActive()) {
                return a.isActive() ? -1 : 1;
            }
            int byId = Integer.compare(a.id(), b.id());
            return byId != 0 ? byId : a.name().compareTo(b.name());
        }
    };

    /** The virConnectPtr: owned by {@link #connect} once that exists, else closed here directly. */
    private final Pointer connection;
    private final String uri;
    private final boolean events;
    private final DomainHandles handles;
    private final NodeDevices nodeDevices;
    private final DomainStats stats;
    private final DomainCalls domains;
    private final DeviceChanges devices;
    private final HostQueries host;
    private final Definitions definitions;
    private final ResourceChanges resources;
    private Connect connect;
    private ConnectionGuard guard;

    private LibvirtHypervisor(Pointer connection, String uri, boolean events) {
        this.connection = connection;
        this.uri = uri;
        this.events = events;
        // One method reference for all: the class-data archive holds one lambda class per reference and the JDK
        // makes one at run time for each other place that writes the same reference (~1 ms each at start-up).
        Supplier<Connect> connector = this::connect;
        this.stats = new DomainStats(connection);
        this.handles = new DomainHandles(connection, connector, uri);
        this.nodeDevices = new NodeDevices(connector);
        this.domains = new DomainCalls(handles);
        this.devices = new DeviceChanges(domains);
        this.host = new HostQueries(connector, connection);
        this.definitions = new Definitions(connector, handles, this::refresh);
        this.resources = new ResourceChanges(domains);
    }

    /** Opens a connection to {@code uri}; every failure to do so is CONNECT_FAILED or PERMISSION_DENIED. */
    public static LibvirtHypervisor open(String uri, ConnectOptions options) {
        return open(uri, options, ConnectOptions.DEFAULT_CONNECT_TIMEOUT);
    }

    /** The same, giving up (CONNECT_FAILED) when the daemon has not answered within {@code limit}. */
    public static LibvirtHypervisor open(String uri, ConnectOptions options, Duration limit) {
        return open(uri, options, limit, KeepAlive.DEFAULT);
    }

    /**
     * The same, with {@code keepAlive} on a connection through a daemon: a call to a daemon that stops answering
     * (frozen, its host stuck) then fails with CONNECTION_LOST after {@link KeepAlive#limitSeconds} instead of
     * hanging the command for ever (see {@link ConnectionGuard}).
     */
    static LibvirtHypervisor open(String uri, ConnectOptions options, Duration limit, KeepAlive keepAlive) {
        NativeLoading.awaitLoaded();
        LibvirtSilencer.install();
        boolean daemon = KeepAlive.throughDaemon(uri);
        if (options.events()) {
            EventLoop.ensureRunning();
        } else if (daemon) {
            EventLoop.register();
        }
        Pointer connection = BoundedOpen.open(uri, options.readOnly() ? DirectCalls.OPEN_READ_ONLY : 0, limit);
        if (daemon) {
            keepAlive.start(connection);
            if (!options.events() && keepAlive.intervalSeconds() > 0) {
                // A call made after the daemon froze ends only through the loop's keepalive timer.
                EventLoop.startAfter(keepAlive.interval());
            }
        }
        return new LibvirtHypervisor(connection, uri, options.events());
    }

    /**
     * libvirt-java's view of the connection, made on first use: a listing never needs it, and its first use costs a
     * fresh JVM more than the listing (see {@link DirectCalls}).
     */
    private synchronized Connect connect() {
        if (connect == null) {
            connect = NativeHandles.wrap(connection);
        }
        return connect;
    }

    @Override
    public String uri() {
        return call("cannot read the connection's URI", connect()::getURI);
    }

    @Override
    public HostVersion version() {
        String type = call("cannot read the hypervisor type", connect()::getType);
        long hypervisor = call("cannot read the hypervisor version", connect()::getVersion);
        long daemon = call("cannot read libvirt's version", connect()::getLibVersion);
        long library = call("cannot read libvirt's version", org.libvirt.Library::getVersion);
        String host = call("cannot read the host name", connect()::getHostName);
        return new HostVersion(uri(), host, type, hypervisor == 0 ? null : dotted(hypervisor), dotted(library),
                dotted(daemon));
    }

    @Override
    public String domainXmlType() {
        String type = call("cannot read the hypervisor type", connect()::getType);
        return type.equalsIgnoreCase("xen") ? "xen" : type.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<DomainSummary> list(boolean includeInactive, DomainSummary.Detail detail) {
        List<DomainSummary> all = new ArrayList<>(stats.all(includeInactive, detail));
        all.sort(LIST_ORDER);
        return all;
    }

    @Override
    public List<DomainSummary> summaries(List<DomainRef> refs, DomainSummary.Detail detail) {
        if (refs.isEmpty()) {
            return List.of();
        }
        List<Pointer> pointers = new ArrayList<>();
        for (Domain domain : handles.find(refs)) {
            pointers.add(NativeHandles.of(domain));
        }
        return stats.of(pointers, detail);
    }

    @Override
    public DomainSummary lookup(DomainRef ref) {
        return summaries(List.of(ref)).get(0);
    }

    @Override
    public Optional<DomainSummary> refresh(String uuid) {
        try {
            Domain domain = handles.get(uuid);
            List<DomainSummary> found = stats.of(List.of(NativeHandles.of(domain)), DomainSummary.Detail.RESOURCES);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (XenctlException e) {
            if (e.code() == ErrorCode.DOMAIN_NOT_FOUND) {
                handles.forget(uuid);
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public DomainDetails details(DomainSummary summary) {
        Pointer domain = NativeHandles.of(handles.get(summary.uuid()));
        String doing = "cannot read domain " + summary.name();
        DomainXml xml = DomainXml.parse(xmlOf(domain, 0, "cannot read the XML of domain " + summary.name()),
                "domain " + summary.name());
        boolean persistent = NativeCalls.check(DirectCalls.virDomainIsPersistent(domain), doing) == 1;
        IntByReference autostart = new IntByReference();
        if (persistent) {
            NativeCalls.check(DirectCalls.virDomainGetAutostart(domain, autostart), doing);
        }
        return new DomainDetails(summary, xml.osType(), persistent, autostart.getValue() != 0, xml.disks(), xml.nics(),
                xml.pciDevices());
    }

    /**
     * Two xenctl defining the same new domain at once: see {@link Definitions#define}.
     */
    @Override
    public Definition define(String xml) {
        return definitions.define(xml);
    }

    @Override
    public void requireNameFree(String xml) {
        definitions.requireNameFree(xml);
    }

    @Override
    public DomainSummary createTransient(String xml, boolean paused) {
        return definitions.createTransient(xml, paused);
    }


    @Override
    public void start(String uuid, boolean paused) {
        Domain domain = handles.get(uuid);
        String doing = "cannot start domain " + nameOf(domain);
        if (DirectCalls.virDomainCreateWithFlags(NativeHandles.of(domain), paused ? CREATE_PAUSED : 0) < 0) {
            throw DomainCalls.pausedUnsupported(NativeCalls.LastError.take(), paused, doing);
        }
    }

    @Override
    public void shutdown(String uuid, ShutdownRequest request) {
        if (request == ShutdownRequest.DEFAULT) {
            domains.callHoldingOwnReference(uuid, "shut down", DirectCalls::virDomainShutdown);
            return;
        }
        Domain domain = handles.get(uuid);
        String doing = "cannot press the ACPI power button of domain " + nameOf(domain);
        if (DirectCalls.virDomainShutdownFlags(NativeHandles.of(domain), SHUTDOWN_ACPI_POWER_BTN) >= 0) {
            return;
        }
        NativeCalls.LastError error = NativeCalls.LastError.take();
        if (error != null && error.number() == ErrorNumber.VIR_ERR_INVALID_ARG) {
            // The only flag passed: a driver that refuses it (the test driver takes no flags) has no power button.
            throw new XenctlException(ErrorCode.UNSUPPORTED, doing + ": libvirt's driver for this host cannot "
                    + "send an ACPI power button event (" + error.message() + ")", "shut it down without --acpi");
        }
        throw NativeCalls.failure(error, doing);
    }

    @Override
    public void destroy(String uuid) {
        domains.call(uuid, "destroy", DirectCalls::virDomainDestroy);
    }

    @Override
    public boolean reboot(String uuid) {
        act(uuid, "reboot", d -> d.reboot(0));
        return TEST_DRIVER.equals(call("cannot read the hypervisor type", connect()::getType));
    }

    @Override
    public void pause(String uuid) {
        domains.call(uuid, "pause", DirectCalls::virDomainSuspend);
    }

    @Override
    public void unpause(String uuid) {
        domains.call(uuid, "unpause", DirectCalls::virDomainResume);
    }

    @Override
    public void undefine(String uuid) {
        domains.call(uuid, "undefine", DirectCalls::virDomainUndefine);
    }

    @Override
    public void rename(String uuid, String newName) {
        Domain domain = handles.get(uuid);
        // Built before the call: any libvirt call in between would reset the error the rename leaves.
        String name = nameOf(domain);
        String doing = "cannot rename domain " + name + " to " + newName;
        try {
            NativeCalls.check(DirectCalls.virDomainRename(NativeHandles.of(domain), newName, 0), doing);
        } catch (XenctlException e) {
            if (e.code() == ErrorCode.UNSUPPORTED) {
                // libvirt's libxl driver (9.0) has no virDomainRename: seen on the lab's dom0. Renaming another
                // way means a new UUID or a moment with no definition; the user chooses, with the steps.
                throw new XenctlException(ErrorCode.UNSUPPORTED, "cannot rename domain " + name + ": libvirt's driver "
                        + "for this host has no rename (libvirt's libxl driver does not implement it)", "export it "
                        + "(xenctl config export " + name + " > " + newName + ".cfg), set name = \"" + newName
                        + "\" in the file, then xenctl undefine " + name + " and xenctl define " + newName
                        + ".cfg: the UUID in the file is kept", e);
            }
            throw e;
        }
        handles.forget(uuid);
    }

    @Override
    public void setAutostart(String uuid, boolean enabled) {
        act(uuid, enabled ? "enable autostart of" : "disable autostart of", d -> d.setAutostart(enabled));
    }

    @Override
    public String xml(String uuid, boolean inactive) {
        Domain domain = handles.get(uuid);
        return xmlOf(NativeHandles.of(domain), inactive ? XML_INACTIVE : 0, "cannot read the XML of domain "
                + nameOf(domain));
    }

    @Override
    public DomainDevices devices(String uuid, boolean inactive) {
        Domain domain = handles.get(uuid);
        String name = nameOf(domain);
        DomainXml xml = DomainXml.parse(xmlOf(NativeHandles.of(domain), inactive ? XML_INACTIVE : 0,
                "cannot read the XML of domain " + name), (inactive ? "the definition of " : "") + "domain " + name);
        return new DomainDevices(xml.disks(), xml.nics(), xml.pciDevices(), xml.pciHotplug());
    }

    @Override
    public void attachPci(String uuid, PciAssignment device, DeviceScope scope) {
        devices.attachPci(uuid, device, scope);
    }

    @Override
    public void detachPci(String uuid, PciAddress address, DeviceScope scope) {
        devices.detachPci(uuid, address, scope);
    }

    @Override
    public void attachNic(String uuid, Nic nic, DeviceScope scope) {
        devices.attachNic(uuid, nic, scope);
    }

    @Override
    public void detachNic(String uuid, String mac, DeviceScope scope) {
        devices.detachNic(uuid, mac, scope);
    }

    @Override
    public void attachDisk(String uuid, Disk disk, DeviceScope scope) {
        devices.attachDisk(uuid, disk, scope);
    }

    @Override
    public void detachDisk(String uuid, String vdev, DeviceScope scope) {
        devices.detachDisk(uuid, vdev, scope);
    }

    @Override
    public void changeMedia(String uuid, String vdev, String target, DeviceScope scope) {
        devices.changeMedia(uuid, vdev, target, scope);
    }

    @Override
    public DomainResources resources(String uuid, boolean inactive) {
        return DomainXml.parse(xml(uuid, inactive), "the domain's XML").resourcesAsLibvirtWrote();
    }

    @Override
    public void setMemory(String uuid, long kib, boolean maximum, DeviceScope scope) {
        resources.setMemory(uuid, kib, maximum, scope);
    }

    @Override
    public void setVcpus(String uuid, int count, DeviceScope scope) {
        resources.setVcpus(uuid, count, scope);
    }

    @Override
    public List<VcpuPlacement> vcpus(String uuid, boolean inactive) {
        Domain domain = handles.get(uuid);
        return Vcpus.read(NativeHandles.of(domain), nameOf(domain), hostCpus(), resources(uuid, inactive), inactive);
    }

    @Override
    public void pinVcpu(String uuid, int vcpu, CpuList cpus, DeviceScope scope) {
        resources.pinVcpu(uuid, vcpu, cpus, scope);
    }

    @Override
    public void suspendToMemory(String uuid) {
        act(uuid, "suspend (S3)", domain -> domain.PMsuspend(org.libvirt.SuspendTarget.MEMORY));
    }

    @Override
    public void wakeUp(String uuid) {
        act(uuid, "wake", Domain::PMwakeup);
    }

    @Override
    public Console openConsole(String uuid, boolean force) {
        Domain domain = handles.get(uuid);
        EventLoop.ensureRunning();  // the stream is woken by the loop, whichever verb opens it (start --console)
        return LibvirtConsole.open(connection, NativeHandles.of(domain), nameOf(domain), force);
    }

    @Override
    public void save(String uuid, String file) {
        Domain domain = handles.get(uuid);
        LibvirtCalls.callOnHostFile("cannot save domain " + nameOf(domain) + " to " + file, () -> {
            domain.save(file);
            return null;
        });
        handles.forget(uuid);
    }

    @Override
    public void dumpCore(String uuid, String file, boolean live, boolean crash) {
        Domain domain = handles.get(uuid);
        int flags = (live ? DUMP_LIVE : 0) | (crash ? DUMP_CRASH : 0);
        LibvirtCalls.callOnHostFile("cannot dump the core of domain " + nameOf(domain) + " to " + file, () -> {
            domain.coreDump(file, flags);
            return null;
        });
        if (crash) {
            handles.forget(uuid);
        }
    }

    @Override
    public Optional<DomainSummary> restore(String file, boolean paused) {
        return SaveImages.restore(connection, file, paused, new SaveImages.Listing() {
            @Override
            public List<DomainSummary> running() {
                return list(false, DomainSummary.Detail.STATE);
            }

            @Override
            public Optional<DomainSummary> refresh(String uuid) {
                return LibvirtHypervisor.this.refresh(uuid);
            }
        });
    }

    @Override
    public void migrate(String uuid, Hypervisor destination, Migration migration) {
        Domain domain = handles.get(uuid);
        Connect target = migration.peerToPeer() ? null : ((LibvirtHypervisor) destination).connect();
        Migrations.migrate(domain, nameOf(domain), migration, target, destination.uri());
        handles.forget(uuid);
    }

    @Override
    public boolean hasJob(String uuid) {
        Domain domain = handles.get(uuid);
        return call("cannot read the job of domain " + nameOf(domain), domain::getJobInfo).getType() != 0;
    }

    @Override
    public Optional<String> hostInterfaceType(String name) {
        return host.interfaceType(name);
    }

    @Override
    public Map<String, Boolean> filesExist(java.util.Collection<String> paths) {
        return host.filesExist(paths);
    }

    @Override
    public boolean hasActiveNetwork(String name) {
        return host.hasActiveNetwork(name);
    }

    @Override
    public void managedSave(String uuid) {
        act(uuid, "save", Domain::managedSave);
    }

    @Override
    public boolean hasManagedSave(String uuid) {
        Domain domain = handles.get(uuid);
        return call("cannot read whether domain " + nameOf(domain) + " has a managed save",
                domain::hasManagedSaveImage) == 1;
    }

    @Override
    public void removeManagedSave(String uuid) {
        act(uuid, "remove the managed save of", Domain::managedSaveRemove);
    }

    @Override
    public void idle(Duration duration) {
        try {
            EventLoop.runFor(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XenctlException(ErrorCode.INTERRUPTED, "interrupted");
        }
    }

    @Override
    public SchedulerSettings scheduler(String uuid) {
        Domain domain = handles.get(uuid);
        return Schedulers.read(domain, nameOf(domain));
    }

    @Override
    public void setScheduler(String uuid, Integer weight, Integer cap) {
        Domain domain = handles.get(uuid);
        Schedulers.write(domain, nameOf(domain), weight, cap);
    }

    @Override
    public List<DomainSample> sample(List<String> uuids) {
        List<DomainSummary> domains = new ArrayList<>();
        if (uuids.isEmpty()) {
            domains.addAll(list(false, DomainSummary.Detail.RESOURCES));
        } else {
            List<DomainRef> refs = new ArrayList<>();
            for (String uuid : uuids) {
                refs.add(DomainRef.of(uuid));
            }
            domains.addAll(summaries(refs, DomainSummary.Detail.RESOURCES));
        }
        // Each running domain's XML and counters, a few domains at a time over the one connection, as list reads
        // their figures; a domain that stops or goes meanwhile is left out of this reading, not an error.
        List<DomainSummary> running = domains.stream().filter(DomainSummary::isActive).toList();
        Map<String, Domain> present = handles.present(running.stream().map(DomainSummary::uuid).toList());
        List<DomainSample> samples = ConcurrentCalls.map(running, summary -> {
            Domain domain = present.get(summary.uuid());
            return domain == null ? null : DomainSampler.sample(domain, summary);
        });
        return samples.stream().filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public HostInfo hostInfo() {
        return host.info();
    }

    @Override
    public int hostCpus() {
        return host.cpus();
    }

    @Override
    public long freeMemoryKiB() {
        return host.freeMemoryKiB();
    }

    @Override
    public List<NodePciDevice> nodePciDevices() {
        return nodeDevices.pci();
    }

    @Override
    public NodePciDevice nodePciDevice(String address) {
        return nodeDevices.pci(address);
    }

    @Override
    public void detachNodePci(String address) {
        nodeDevices.detachToPciback(address);
    }

    @Override
    public void reattachNodePci(String address) {
        nodeDevices.reattach(address);
    }

    @Override
    public void streamEvents(Set<String> wanted, Duration timeout, Predicate<LifecycleEvent> sink) {
        LibvirtEventStream.stream(connect(), guard(), wanted, timeout, sink);
    }

    @Override
    public DomainWatch watch(String uuid) {
        return new LibvirtWatch(this, connect(), guard(), uuid, events);
    }

    /** Keepalive and the close callback, on a connection with events (they need libvirt's event loop); else null. */
    private ConnectionGuard guard() {
        if (guard == null && events) {
            guard = ConnectionGuard.on(connect(), uri);
        }
        return guard;
    }

    @Override
    public void close() {
        // Each virDomainPtr holds a reference on the connection: free them, or the connection (and the test
        // driver's state) lives on until the garbage collector finalizes them.
        handles.freeAll();
        if (connect == null) {
            DirectCalls.virConnectClose(connection);
            return;
        }
        NativeHandles.close(connect);
    }

    /** The domain's XML with these virDomainXMLFlags. */
    private static String xmlOf(Pointer domain, int flags, String doing) {
        String xml = DirectCalls.takeString(DirectCalls.virDomainGetXMLDesc(domain, flags));
        if (xml == null) {
            throw NativeCalls.lastError(doing);
        }
        return xml;
    }

    private void act(String uuid, String verb, DomainCalls.Action action) {
        domains.act(uuid, verb, action);
    }

    private static String nameOf(Domain domain) {
        return DomainCalls.nameOf(domain);
    }


    static String dotted(long version) {
        return (version / 1_000_000) + "." + (version / 1_000 % 1_000) + "." + (version % 1_000);
    }
}
