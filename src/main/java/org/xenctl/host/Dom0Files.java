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
        return Files.exists(root.resolve(absolutePath.replaceFirst("^/+", "")));
    }
}
