package org.xenctl.host;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the device verbs check in dom0's own files before libvirt is asked, when xenctl runs on the Xen host it
 * drives: that a bridge exists (a kernel bridge in sysfs) and that a disk's image or device exists. Read under
 * {@code root}: "/" on a dom0, a directory tree in tests.
 */
public record Dom0Files(Path root) {

    /** Whether dom0 has a kernel bridge called {@code name} (what a vif's bridge= names). */
    public boolean hasBridge(String name) {
        return Files.isDirectory(root.resolve("sys/class/net").resolve(name).resolve("bridge"));
    }

    /** Whether {@code absolutePath} (an image file or a block device) exists in dom0. */
    public boolean exists(String absolutePath) {
        return Files.exists(resolve(absolutePath));
    }

    /** Whether {@code absolutePath} is a directory in dom0. */
    public boolean isDirectory(String absolutePath) {
        return Files.isDirectory(resolve(absolutePath));
    }

    /** The bytes free to this process in the file system holding {@code absolutePath} (a directory). */
    public long usableBytes(String absolutePath) {
        try {
            return Files.getFileStore(resolve(absolutePath)).getUsableSpace();
        } catch (java.io.IOException e) {
            return Long.MAX_VALUE;  // cannot tell: libvirt's own failure will say
        }
    }

    /** The file's size in bytes, or null when it cannot be read. */
    public Long size(String absolutePath) {
        try {
            return Files.size(resolve(absolutePath));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Removes the file if it exists (what a failed write left); false when it cannot. */
    public boolean delete(String absolutePath) {
        try {
            Files.deleteIfExists(resolve(absolutePath));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Up to {@code count} first bytes of the file, or null when it cannot be read. */
    public byte[] head(String absolutePath, int count) {
        try (java.io.InputStream in = Files.newInputStream(resolve(absolutePath))) {
            return in.readNBytes(count);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private Path resolve(String absolutePath) {
        return root.resolve(absolutePath.replaceFirst("^/+", ""));
    }
}
