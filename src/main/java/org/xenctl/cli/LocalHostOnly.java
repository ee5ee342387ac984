package org.xenctl.cli;

import java.net.URI;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * The PCI host commands read the dom0's own sysfs: a remote --connect cannot reach it. pci-host-list and
 * pci-assignable-* fall back on libvirt's node-device API there; pci-check and pci-restore need sysfs.
 */
final class LocalHostOnly {
    private LocalHostOnly() {
    }

    /** True when {@code uri} (null: the default) reaches this machine's own libvirtd, not another host's. */
    static boolean isLocal(String uri) {
        if (uri == null) {
            return true;
        }
        String host;
        try {
            host = URI.create(uri).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return (host == null || host.isEmpty()) && !uri.contains("+");
    }

    static void require(Invocation run, String command) {
        String connect = run.target();
        if (!isLocal(connect)) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, command + " reads this machine's sysfs, so it cannot "
                    + "work through " + connect, "run it on the dom0 itself (over ssh); through libvirt, "
                    + "pci-host-list shows what its node-device API reports");
        }
    }
}
