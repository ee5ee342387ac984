package org.xenctl.cli;

import java.util.stream.Collectors;

import org.xenctl.domain.ControlDomain;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.Dom0Files;
import org.xenctl.render.View;
import org.xenctl.render.view.SaveView;

/**
 * save (xl's and virsh's): the running domain's memory written to a file on the host, and the domain stopped (a
 * persistent one stays defined, shut off). Refused before libvirt is asked where that would fail or lose something:
 * a domain that is not running, a passed-through PCI device (Xen cannot save its state), and, when xenctl runs on
 * the host, a file that exists (without --force), a missing directory or too little space for the guest's memory.
 */
final class SaveCommand extends HypervisorCommand {
    boolean force;
    String domain;
    String file;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("-f|--force", "overwrite the file if it exists", v -> force = v)
                .domain(v -> domain = v)
                .parameter("1", "FILE", String.class, "where to write it, on the host", v -> file = v);
    }

    @Override
    View execute(Session session) {
        Hypervisor hypervisor = session.hypervisor();
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        String path = HostPaths.absolute(invocation(), file);
        ControlDomain.refuse(target.summary(), "save", "it would stop the host", "save its guests by name");
        if (!target.summary().isActive()) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " is not running ("
                    + target.summary().state().label() + "): there is nothing to save", null);
        }
        if (!target.pciDevices().isEmpty()) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " has PCI devices passed through ("
                    + target.pciDevices().stream().map(DomainDetails.PciDevice::addressText)
                            .collect(Collectors.joining(", ")) + "), whose state Xen cannot save",
                    "pci-detach them first, or shut the domain down instead");
        }
        Dom0Files host = invocation().reachesThisMachine() ? new Dom0Files(invocation().context().hostRoot()) : null;
        if (host != null) {
            HostPaths.checkWritable(host, path, target.summary().memoryKiB() * 1024, force, "DOMAIN.sav");
        }
        // libvirt's libxl driver reports no progress of a save (its job info has the elapsed time only); on the host
        // itself the file's growth towards the guest's memory is the measure.
        long memoryKiB = target.summary().memoryKiB();
        try (WaitProgress progress = WaitProgress.start(invocation(), "saving " + name + " to " + path,
                () -> host == null ? null : HostPaths.written(host.size(path), memoryKiB))) {
            hypervisor.save(target.summary().uuid(), path);
        }
        Long bytes = host == null ? null : host.size(path);
        return new SaveView(name, path, bytes, true, "Domain " + name + " saved to " + path
                + (bytes == null ? "" : " (" + HostPaths.roughly(bytes) + ")") + ".");
    }
}
