package org.xenctl.testing;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.libvirt.LibvirtHypervisor;

/**
 * libvirt's test driver. {@code test:///default} keeps its state only while a connection is open, so a test that
 * runs several commands holds one open with {@link #keep()}; each command's own connection then sees the same host.
 */
public final class TestDriver {
    public static final String DEFAULT = "test:///default";

    private TestDriver() {
    }

    public static LibvirtHypervisor keep() {
        return LibvirtHypervisor.open(DEFAULT, ConnectOptions.READ_WRITE);
    }

    /** The URI of the shipped demo host (a custom test-driver node file, re-read at every connection). */
    public static String demoHost() {
        return "test://" + repositoryFile("examples/demo-host.xml");
    }

    public static Path repositoryFile(String relative) {
        return Paths.get(relative).toAbsolutePath();
    }
}
