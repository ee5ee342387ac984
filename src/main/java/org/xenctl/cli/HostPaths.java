package org.xenctl.cli;

import java.nio.file.Path;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.Dom0Files;

/**
 * A file named for libvirtd to read or write on the host (save, restore, dump-core): libvirtd does not share xenctl's
 * working directory, so a relative path is made absolute here when xenctl runs on that host, and refused through a
 * remote connection, where it could only mean a place on the other host. On that host, what a write would fail on
 * or destroy is refused before libvirtd is asked.
 */
final class HostPaths {
    private HostPaths() {
    }

    static String absolute(Invocation invocation, String path) {
        if (path.isEmpty()) {
            // Path.of("") is the working directory: an empty word once restored from "." and saved into it.
            throw new XenctlException(ErrorCode.USAGE, "the file name is empty", "name the file on the host");
        }
        if (Path.of(path).isAbsolute()) {
            return Path.of(path).normalize().toString();
        }
        if (invocation.reachesThisMachine()) {
            return Path.of(path).toAbsolutePath().normalize().toString();
        }
        throw new XenctlException(ErrorCode.USAGE, "'" + path + "' is relative, and the file is on " + invocation.target(),
                "give its absolute path on that host");
    }

    /**
     * Refuses what libvirtd's write of {@code path} on this host would fail on or destroy: a directory named as the
     * file, a missing directory, a file that exists (unless {@code force}), less room than {@code bytesNeeded} (about
     * the guest's memory). {@code example} is a file name the hint suggests, e.g. "DOMAIN.sav".
     */
    static void checkWritable(Dom0Files host, String path, long bytesNeeded, boolean force, String example) {
        Path parent = Path.of(path).getParent();
        if (parent == null || host.isDirectory(path)) {
            throw new XenctlException(ErrorCode.USAGE, path + " is a directory", "name a file in it, e.g. "
                    + (parent == null ? "" : path) + "/" + example);
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
        if (free < bytesNeeded) {
            throw new XenctlException(ErrorCode.OUT_OF_RANGE, directory + " has " + free / (1024 * 1024) + " MiB "
                    + "free, and the domain's memory needs about " + bytesNeeded / (1024 * 1024) + " MiB",
                    "write it somewhere with more room");
        }
    }

    /** "48 of about 128 MiB written", from the file's size so far; null before it exists. */
    static String written(Long bytes, long memoryKiB) {
        return bytes == null ? null : bytes / (1024 * 1024) + " of about " + memoryKiB / 1024 + " MiB written";
    }

    /** A file's size as a sentence says it: KiB below a MiB, else whole MiB. */
    static String roughly(long bytes) {
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KiB" : Math.round(bytes / 1048576.0) + " MiB";
    }
}
