package org.xenctl.cli;

import java.nio.file.Path;
import java.util.stream.Collectors;

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
            beforeWriting(host, path, target.summary().memoryKiB());
        }
        // libvirt's libxl driver reports no progress of a save (its job info has the elapsed time only); on the host
        // itself the file's growth towards the guest's memory is the measure.
        long memoryKiB = target.summary().memoryKiB();
        try (WaitProgress progress = WaitProgress.start(invocation(), "saving " + name + " to " + path,
                () -> host == null ? null : written(host.size(path), memoryKiB))) {
            hypervisor.save(target.summary().uuid(), path);
        }
        Long bytes = host == null ? null : host.size(path);
        return new SaveView(name, path, bytes, true, "Domain " + name + " saved to " + path
                + (bytes == null ? "" : " (" + roughly(bytes) + ")") + ".");
    }

    /** "48 of about 128 MiB written", from the file's size so far; null before it exists. */
    static String written(Long bytes, long memoryKiB) {
        return bytes == null ? null : bytes / (1024 * 1024) + " of about " + memoryKiB / 1024 + " MiB written";
    }

    private static String roughly(long bytes) {
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KiB" : Math.round(bytes / 1048576.0) + " MiB";
    }

    private void beforeWriting(Dom0Files host, String path, long memoryKiB) {
        Path parent = Path.of(path).getParent();
        if (parent == null || host.isDirectory(path)) {
            throw new XenctlException(ErrorCode.USAGE, path + " is a directory", "name a file in it, e.g. "
                    + (parent == null ? "" : path) + "/" + "DOMAIN.sav");
        }
        String directory = parent.toString();
        if (!host.isDirectory(directory)) {
            throw new XenctlException(ErrorCode.FILE_NOT_FOUND, "there is no directory " + directory, null);
        }
        if (host.exists(path) && !force) {
            throw new XenctlException(ErrorCode.FILE_EXISTS, path + " exists already", "give --force to overwrite "
                    + "it, or another file");
        }
        long free = host.usableBytes(directory);
        long needed = memoryKiB * 1024;
        if (free < needed) {
            throw new XenctlException(ErrorCode.OUT_OF_RANGE, directory + " has " + free / (1024 * 1024) + " MiB "
                    + "free, and the domain's memory needs about " + needed / (1024 * 1024) + " MiB",
                    "save it somewhere with more room");
        }
    }
}
