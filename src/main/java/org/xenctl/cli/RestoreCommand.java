package org.xenctl.cli;

import java.util.Optional;

import org.xenctl.domain.DomainState;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Outcome;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.Dom0Files;
import org.xenctl.host.SaveImageFormat;
import org.xenctl.render.View;

/** restore (xl's and virsh's): the domain a save wrote, running again (or paused) from where it stopped. */
final class RestoreCommand extends HypervisorCommand {
    boolean paused;
    String file;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("-p|--paused", "leave it paused once restored", v -> paused = v)
                .parameter("0", "FILE", String.class, "the file save wrote, on the host", v -> file = v);
    }

    @Override
    View execute(Session session) {
        String path = HostPaths.absolute(invocation(), file);
        if (invocation().reachesThisMachine()) {
            Dom0Files dom0 = new Dom0Files(invocation().context().hostRoot());
            if (!dom0.exists(path)) {
                throw new XenctlException(ErrorCode.FILE_NOT_FOUND, "there is no file " + path, null);
            }
            if (dom0.isDirectory(path)) {
                throw new XenctlException(ErrorCode.USAGE, path + " is a directory", "name the file save wrote");
            }
            if ("xen".equals(session.hypervisor().domainXmlType())) {
                refuseForeign(path, dom0.head(path, SaveImageFormat.HEADER_BYTES));
            }
        }
        Optional<DomainSummary> restored;
        try (WaitProgress progress = WaitProgress.start(invocation(), "restoring from " + path)) {
            restored = session.hypervisor().restore(path, paused);
        }
        if (restored.isEmpty()) {
            return Views.action(new Outcome("restore", null, null, true, paused ? DomainState.PAUSED
                    : DomainState.RUNNING, false, "Restored a domain from " + path + "."));
        }
        DomainSummary domain = restored.get();
        return Views.action(new Outcome("restore", domain.name(), domain.uuid(), true, domain.state(), false,
                "Domain " + domain.name() + " restored from " + path + (paused ? " (paused)." : ".")));
    }

    /** On the dom0, a file libvirt would refuse as "image magic is incorrect" is said for what it is. */
    private static void refuseForeign(String path, byte[] head) {
        if (head == null) {
            return;  // unreadable here: libvirt's own answer will say why
        }
        switch (SaveImageFormat.of(head)) {
            case XL -> throw new XenctlException(ErrorCode.INVALID_CONFIG, path + " was saved by xl, and libvirt "
                    + "restores only what it saved itself", "restore it with 'xl restore " + path + "' (the domain "
                    + "is then xl's, not libvirt's)");
            case OTHER -> throw new XenctlException(ErrorCode.INVALID_CONFIG, path + " is not a saved domain (it has "
                    + "no libvirt save header)", "give a file that xenctl save or virsh save wrote");
            case LIBVIRT -> { }
        }
    }
}
