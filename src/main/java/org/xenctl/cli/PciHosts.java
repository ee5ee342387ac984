package org.xenctl.cli;

import org.xenctl.domain.ConnectOptions;
import org.xenctl.host.pci.DomainPciUse;
import org.xenctl.host.pci.HostPci;
import org.xenctl.host.pci.LibvirtHostPci;
import org.xenctl.host.pci.SysfsHostPci;

/** The {@link HostPci} a command reaches, chosen by its URI: this dom0's sysfs, or libvirt's node devices remotely. */
final class PciHosts {
    private PciHosts() {
    }

    /** @param session the command's session; needed only through a remote URI (null otherwise) */
    static HostPci of(Invocation run, Session session) {
        return run.reachesThisMachine() ? local(run) : new LibvirtHostPci(session.hypervisor(), run.target());
    }

    /** This dom0, one host of several: the domains holding devices are read through that host's own session. */
    static SysfsHostPci local(Invocation run, Session session) {
        Context context = run.context();
        return new SysfsHostPci(context.hostRoot(), context.sysfs(), () -> DomainPciUse.read(session.hypervisor()));
    }

    /** This dom0 (or the tree $XENCTL_HOST_ROOT names); libvirt is asked which domains hold devices only when needed. */
    static SysfsHostPci local(Invocation run) {
        Context context = run.context();
        return new SysfsHostPci(context.hostRoot(), context.sysfs(), () -> {
            try (Session session = context.sessions().open(run.connect(), ConnectOptions.READ_ONLY)) {
                return DomainPciUse.read(session.hypervisor());
            }
        });
    }
}
