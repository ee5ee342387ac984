package org.xenctl.cli;

import java.nio.file.Path;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * A file named for libvirtd to read or write on the host (save, restore): libvirtd does not share xenctl's working
 * directory, so a relative path is made absolute here when xenctl runs on that host, and refused through a remote
 * connection, where it could only mean a place on the other host.
 */
final class HostPaths {
    private HostPaths() {
    }

    static String absolute(Invocation invocation, String path) {
        if (Path.of(path).isAbsolute()) {
            return Path.of(path).normalize().toString();
        }
        if (invocation.reachesThisMachine()) {
            return Path.of(path).toAbsolutePath().normalize().toString();
        }
        throw new XenctlException(ErrorCode.USAGE, "'" + path + "' is relative, and the file is on " + invocation.target(),
                "give its absolute path on that host");
    }
}
