package org.xenctl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

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

    /** A bridge xenbr0, as a test-driver node file declares one: what the demo host's guests are plugged into. */
    public static final String XENBR0 = """
            <interface type='bridge' name='xenbr0'><start mode='onboot'/><bridge stp='off'/></interface>
            """;

    /** The demo host's web disk in a pool of another host (what shared storage looks like to libvirt). */
    public static final String WEB_DISK = """
            <pool type='dir'><name>images</name><target><path>/var/lib/xen/images</path></target>
              <volume type='file'><name>web.img</name><key>/var/lib/xen/images/web.img</key>
                <capacity unit='G'>8</capacity><target><path>/var/lib/xen/images/web.img</path></target></volume>
            </pool>
            """;

    /**
     * Another host for fleet and migration tests: a test-driver node file NAME.xml in {@code dir} with 4 CPUs, 8 GiB
     * and {@code body} (interfaces, pools, domains); returns its URI.
     */
    public static String host(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name + ".xml");
        Files.writeString(file, """
                <node>
                  <cpu><mhz>2400</mhz><model>x86_64</model><active>4</active><nodes>1</nodes><sockets>1</sockets>
                    <cores>4</cores><threads>1</threads></cpu>
                  <memory>8388608</memory>
                %s
                </node>
                """.formatted(body));
        return "test://" + file;
    }

    public static Path repositoryFile(String relative) {
        return Paths.get(relative).toAbsolutePath();
    }
}
