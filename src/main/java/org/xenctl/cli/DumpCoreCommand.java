package org.xenctl.cli;

import org.xenctl.domain.ControlDomain;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.Dom0Files;
import org.xenctl.render.View;
import org.xenctl.render.view.CoreDumpView;

/**
 * dump-core (xl's; virsh's dump): the running domain's memory written to a core file on the host, for crash(8) or
 * gdb. The domain is paused meanwhile so that the image is consistent, as virsh does (xl dumps it as it runs:
 * --live), and goes on as it was afterwards, or is destroyed with --crash. Refused before libvirt is asked as save
 * is: a domain that is not running and, on the host itself, a file that exists (without --force), a missing
 * directory, too little room. On the host, a dump that fails leaves no new file behind.
 */
final class DumpCoreCommand extends HypervisorCommand {
    boolean live;
    boolean crash;
    boolean force;
    String domain;
    String file;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("--live", "dump it as it runs, not paused (xl's way: shorter for the guest, but the image may "
                        + "be inconsistent)", v -> live = v)
                .flag("--crash", "destroy the domain once its memory is written", v -> crash = v)
                .flag("-f|--force", "overwrite the file if it exists", v -> force = v)
                .domain(v -> domain = v)
                .parameter("1", "FILE", String.class, "where to write it, on the host", v -> file = v);
    }

    @Override
    View execute(Session session) {
        if (live && crash) {
            // libvirt refuses the pair, and a domain destroyed after its dump has no reason to run during it
            throw new XenctlException(ErrorCode.USAGE, "--live and --crash cannot go together",
                    "leave --live out: with --crash the domain is paused while it is dumped, then destroyed");
        }
        Hypervisor hypervisor = session.hypervisor();
        DomainSummary target = hypervisor.lookup(DomainRef.of(domain));
        String name = target.name();
        String path = HostPaths.absolute(invocation(), file);
        ControlDomain.refuse(target, "dump", "Xen would pause the host while its memory is written (or, with "
                + "--crash, destroy it)", "the dom0 kernel's own memory is kdump's to write");
        if (!target.isActive()) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " is not running ("
                    + target.state().label() + "): it has no memory to dump", null);
        }
        long memoryKiB = target.memoryKiB();
        Dom0Files host = invocation().reachesThisMachine() ? new Dom0Files(invocation().context().hostRoot()) : null;
        boolean existed = host != null && host.exists(path);
        if (host != null) {
            HostPaths.checkWritable(host, path, memoryKiB * 1024, force, "DOMAIN.core");
        }
        try (WaitProgress progress = WaitProgress.start(invocation(), "dumping the core of " + name + " to " + path,
                () -> host == null ? null : HostPaths.written(host.size(path), memoryKiB))) {
            hypervisor.dumpCore(target.uuid(), path, live, crash);
        } catch (XenctlException e) {
            if (host != null && !existed) {
                host.delete(path);  // what libxl wrote before it failed is no core file
            }
            throw e;
        }
        Long bytes = host == null ? null : host.size(path);
        String state = hypervisor.refresh(target.uuid()).map(now -> now.state().label()).orElse("gone");
        return new CoreDumpView(name, path, bytes, live, state, "Domain " + name + "'s core dumped to " + path
                + (bytes == null ? "" : " (" + HostPaths.roughly(bytes) + ")")
                + (crash ? "; the domain is destroyed." : "."));
    }
}
