package org.xenctl.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.nio.file.Paths;

import org.xenctl.domain.DomainState;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ConnectOptions;
import org.xenctl.libvirt.LibvirtHypervisor;

/**
 * libvirt's test driver. {@code test:///default} keeps its state only while a connection is open, so a test that
 * runs several commands holds one open with {@link #keep()}; each command's own connection then sees the same host.
 */
public final class TestDriver {
    public static final String DEFAULT = "test:///default";

    private TestDriver() {
    }

    /**
     * Opens a connection on a fresh test:///default: one running domain "test". libvirt can release the last
     * reference of a closed connection later, on its event loop (a lifecycle callback removed while events were
     * being dispatched), so the previous test's host may briefly outlive its connections: wait for it to go.
     */
    public static LibvirtHypervisor keep() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            LibvirtHypervisor host = LibvirtHypervisor.open(DEFAULT, ConnectOptions.READ_WRITE);
            List<DomainSummary> domains = host.list(true);
            if (domains.size() == 1 && domains.get(0).name().equals("test")
                    && domains.get(0).state() == DomainState.RUNNING) {
                return host;
            }
            host.close();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("test:///default still holds an earlier test's domains: " + domains);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a fresh test:///default", e);
            }
        }
    }

    /** The URI of the shipped demo host (a custom test-driver node file, re-read at every connection). */
    public static String demoHost() {
        return "test://" + repositoryFile("examples/demo-host.xml");
    }

    public static Path repositoryFile(String relative) {
        return Paths.get(relative).toAbsolutePath();
    }
}
