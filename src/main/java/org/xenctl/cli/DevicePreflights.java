package org.xenctl.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainDetails.DiskDevice;
import org.xenctl.domain.DomainDetails.NetworkDevice;
import org.xenctl.domain.DomainDevices;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainState;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.MigrationPreflight;
import org.xenctl.domain.XenctlException;
import org.xenctl.domain.spec.Disk;
import org.xenctl.domain.spec.Nic;
import org.xenctl.host.Dom0Files;

/**
 * What network-attach and block-attach check before libvirt is asked, so that a refusal comes in one line saying
 * what is wrong instead of libxl's timeout or bare failure: the driver domain exists and runs, the MAC is not
 * another domain's, the vdev is not another disk's, the image is not another running domain's read-write disk;
 * and that dom0 has the bridge and the image (looked at directly on this dom0, asked of libvirt from elsewhere).
 */
final class DevicePreflights {
    private DevicePreflights() {
    }

    static void beforeNic(Invocation invocation, Session session, DomainDetails target, Nic nic) {
        Hypervisor hypervisor = session.hypervisor();
        backendRuns(hypervisor, nic.backend());
        String mac = nic.mac();
        for (DomainSummary other : hypervisor.list(true)) {
            if (other.uuid().equals(target.summary().uuid())) {
                continue;
            }
            for (NetworkDevice used : everywhere(hypervisor, other).nics()) {
                if (mac.equalsIgnoreCase(used.mac())) {
                    throw new XenctlException(ErrorCode.DEVICE_REFUSED, "MAC " + mac + " is domain " + other.name()
                            + "'s already", "give another mac=, or leave it out for a new one");
                }
            }
        }
        if (nic.backend() == null && "xen".equals(hypervisor.domainXmlType())) {
            bridgeExists(hypervisor, onThisDom0(invocation, hypervisor) ? dom0(invocation) : null,
                    nic.bridge() == null ? "xenbr0" : nic.bridge());
        }
    }

    /**
     * The bridge a vif served by dom0 joins (xenctl cannot see into a driver domain): read in dom0's sysfs where
     * xenctl runs on it ({@code localDom0}), else asked of libvirt's interface driver; not checked where that driver
     * cannot answer. Without it libxl's hotplug script fails and libvirt says only "failed to attach".
     */
    static void bridgeExists(Hypervisor hypervisor, Dom0Files localDom0, String bridge) {
        if (localDom0 != null) {
            if (!localDom0.hasBridge(bridge)) {
                throw new XenctlException(ErrorCode.DEVICE_REFUSED, "there is no bridge " + bridge + " in dom0",
                        "give an existing one with bridge= (ip link show type bridge lists them)");
            }
            return;
        }
        Optional<String> type;
        try {
            type = hypervisor.hostInterfaceType(bridge);
        } catch (XenctlException e) {
            if (e.code() == ErrorCode.UNSUPPORTED) {
                return;
            }
            throw e;
        }
        String where = " in the dom0 of " + MigrationPreflight.hostLabel(hypervisor);
        if (type.isEmpty()) {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, "there is no bridge " + bridge + where,
                    "give an existing one with bridge= (virsh iface-list --all lists the host's interfaces)");
        }
        if (!type.get().equals("bridge") && !type.get().equals("unknown")) {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, bridge + where + " is not a bridge but "
                    + (type.get().matches("[aeiou].*") ? "an " : "a ") + type.get() + " interface",
                    "give a bridge with bridge= (virsh iface-list --all lists the host's interfaces)");
        }
    }

    static void beforeDisk(Invocation invocation, Session session, DomainDetails target, Disk disk) {
        Hypervisor hypervisor = session.hypervisor();
        backendRuns(hypervisor, disk.backend());
        for (DiskDevice taken : everywhere(hypervisor, target.summary()).disks()) {
            if (disk.vdev().equals(taken.target()) && !sameTarget(disk, taken)) {
                throw new XenctlException(ErrorCode.DEVICE_REFUSED, target.summary().name() + "'s " + disk.vdev()
                        + " is " + (taken.source().isEmpty() ? "an empty drive" : taken.source()) + " already",
                        "choose another vdev, or block-detach " + target.summary().name() + " " + disk.vdev()
                                + " first");
            }
        }
        if (disk.target() == null) {
            return;
        }
        notWrittenElsewhere(hypervisor, target.summary().uuid(), Map.of(disk.target(), disk.readOnly()));
        if (disk.backend() == null && "xen".equals(hypervisor.domainXmlType())) {
            imageExists(hypervisor, onThisDom0(invocation, hypervisor) ? dom0(invocation) : null, disk.target());
        }
    }

    /**
     * Before a domain is created or started: its driver domains run, no image it writes is a running domain's disk
     * already (libvirt's Xen driver locks no image, and two domains writing one corrupt it), and dom0 has the
     * bridges its interfaces join and the images its disks open; libxl's hotplug scripts would otherwise fail the
     * start with "failed to create new domain" and nothing more.
     *
     * @param uuid the domain's own, left out of the running domains' disks; null for a domain not yet made
     */
    static void beforeStart(Invocation invocation, Session session, String uuid, DomainDevices devices) {
        Hypervisor hypervisor = session.hypervisor();
        backendsRun(hypervisor, devices.backendDomains());
        Map<String, Boolean> images = new LinkedHashMap<>();
        for (DiskDevice disk : devices.disks()) {
            if (disk.backend() == null && disk.source() != null && !disk.source().isEmpty()) {
                images.merge(disk.source(), disk.readOnly(), Boolean::logicalAnd);
            }
        }
        notWrittenElsewhere(hypervisor, uuid, images);
        if (!"xen".equals(hypervisor.domainXmlType())) {
            return;
        }
        Dom0Files localDom0 = onThisDom0(invocation, hypervisor) ? dom0(invocation) : null;
        for (NetworkDevice nic : devices.nics()) {
            if (nic.backend() == null && "bridge".equals(nic.type())) {
                // Without a source bridge libxl joins its default one.
                bridgeExists(hypervisor, localDom0, nic.source() == null || nic.source().isEmpty() ? "xenbr0"
                        : nic.source());
            }
        }
        for (DiskDevice disk : devices.disks()) {
            // A path in dom0; not a network disk's or a storage volume's name.
            if (disk.backend() == null && disk.source() != null && disk.source().startsWith("/")) {
                imageExists(hypervisor, localDom0, disk.source());
            }
        }
    }

    /** No running domain but {@code self} has one of dom0's {@code images} (path to read-only) where one writes. */
    private static void notWrittenElsewhere(Hypervisor hypervisor, String self, Map<String, Boolean> images) {
        if (images.isEmpty()) {
            return;
        }
        for (DomainSummary other : hypervisor.list(false)) {
            if (other.uuid().equals(self)) {
                continue;
            }
            for (DiskDevice used : hypervisor.devices(other.uuid(), false).disks()) {
                // A driver domain's disk is a path of its own, not one of dom0's.
                Boolean readOnly = used.backend() == null ? images.get(used.source()) : null;
                if (readOnly != null && (!readOnly || !used.readOnly())) {
                    throw new XenctlException(ErrorCode.DEVICE_REFUSED, used.source() + " is running domain "
                            + other.name() + "'s disk " + used.target() + (used.readOnly() ? " (read-only)" : "")
                            + ": two domains writing one image corrupt it", "use another image, or give it to both "
                            + "read-only (access=ro)");
                }
            }
        }
    }

    /**
     * The file or device a disk served by dom0 opens: looked for in dom0 where xenctl runs on it, else asked of
     * libvirt's storage pools for a file (a device under /dev is not: a pool over /dev would probe every device);
     * not checked where libvirt cannot tell.
     */
    private static void imageExists(Hypervisor hypervisor, Dom0Files localDom0, String path) {
        String hint = "create the image first (e.g. truncate -s 1G " + path + "), or give its full path";
        if (localDom0 != null) {
            if (!localDom0.exists(path)) {
                throw new XenctlException(ErrorCode.DEVICE_REFUSED, path + " does not exist in dom0", hint);
            }
            return;
        }
        if (!path.startsWith("/") || path.startsWith("/dev/")) {
            return;
        }
        if (Boolean.FALSE.equals(hypervisor.filesExist(List.of(path)).get(path))) {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, path + " does not exist in the dom0 of "
                    + MigrationPreflight.hostLabel(hypervisor), hint);
        }
    }

    /**
     * The driver domains a domain's devices name, before it is created or started: libxl fails at once when one is
     * missing ("failed to create new domain", nothing more) and waits for a backend that never comes in one that
     * does not run.
     */
    private static void backendsRun(Hypervisor hypervisor, Collection<String> backends) {
        for (String backend : backends) {
            backendRuns(hypervisor, backend);
        }
    }

    /** A driver domain must exist and run before libxl can place a backend in it (else it waits, then times out). */
    private static void backendRuns(Hypervisor hypervisor, String backend) {
        if (backend == null || backend.equals("0") || backend.equals("Domain-0")) {
            return;
        }
        DomainSummary domain;
        try {
            domain = hypervisor.lookup(DomainRef.of(backend));
        } catch (XenctlException e) {
            if (e.code() == ErrorCode.DOMAIN_NOT_FOUND) {
                throw new XenctlException(ErrorCode.DEVICE_REFUSED, "the backend domain " + backend + " does not "
                        + "exist", "start the driver domain first, or leave backend= out for dom0");
            }
            throw e;
        }
        if (domain.state() != DomainState.RUNNING) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "the backend domain " + backend + " is not "
                    + "running (" + domain.state().label() + ")", "start it first: xenctl start " + backend);
        }
    }

    private static boolean sameTarget(Disk disk, DiskDevice taken) {
        String wanted = disk.target() == null ? "" : disk.target();
        return wanted.equals(taken.source());
    }

    /** A domain's devices, live and in its definition: a MAC or vdev is taken if either has it. */
    private static DomainDevices everywhere(Hypervisor hypervisor, DomainSummary domain) {
        DomainDevices live = domain.isActive() ? hypervisor.devices(domain.uuid(), false) : null;
        DomainDevices config = live == null || hypervisor.details(domain).persistent()
                ? hypervisor.devices(domain.uuid(), true) : null;
        return new DomainDevices(
                concat(live == null ? List.of() : live.disks(), config == null ? List.of() : config.disks()),
                concat(live == null ? List.of() : live.nics(), config == null ? List.of() : config.nics()),
                List.of(), false);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Checks of dom0's own files: only where xenctl runs on the Xen host it drives. */
    private static boolean onThisDom0(Invocation invocation, Hypervisor hypervisor) {
        return invocation.reachesThisMachine() && "xen".equals(hypervisor.domainXmlType());
    }

    private static Dom0Files dom0(Invocation invocation) {
        return new Dom0Files(invocation.context().hostRoot());
    }
}
