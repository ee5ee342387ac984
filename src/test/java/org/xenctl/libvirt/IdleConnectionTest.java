package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ConnectOptions;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.XenctlException;
import org.xenctl.testing.ChildJvm;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.PrivateLibvirtd;

/**
 * A connection that idles between calls (stats between readings) without an event-loop thread: a daemon whose
 * keepalive drops a client silent for 2 s (the default is 30 s) drops one that merely sleeps (the control), and
 * keeps one that waits through {@code Hypervisor.idle}, which runs libvirt's loop on the waiting thread. Each in a
 * JVM of its own: once another test has started the loop's thread, it answers for every connection of the JVM.
 */
class IdleConnectionTest {
    @TempDir
    Path dir;

    private PrivateLibvirtd daemon;

    @BeforeEach
    void aDaemonThatDropsSilentClientsQuickly() throws Exception {
        daemon = PrivateLibvirtd.start(dir, "keepalive_interval = 1", "keepalive_count = 1");
    }

    @AfterEach
    void stopIt() throws Exception {
        daemon.close();
    }

    @Test
    @Timeout(60)
    void a_connection_that_sleeps_is_dropped_and_one_that_idles_is_kept() throws Exception {
        Result sleeper = ChildJvm.run(Waiter.class, daemon.uri(), "sleep");
        Result idler = ChildJvm.run(Waiter.class, daemon.uri(), "idle");

        assertThat(sleeper.out()).as("the control: the daemon drops a silent client; " + sleeper)
                .isEqualTo("connection-lost\n");
        assertThat(idler.out()).as(idler.toString()).isEqualTo("listed\n");
    }

    @Test
    @Timeout(60)
    void stats_with_a_long_interval_keeps_its_connection() throws Exception {
        Result stats = ChildJvm.run(org.xenctl.cli.Main.class, "-c", daemon.uri(), "-o", "json", "stats",
                "--interval", "3", "--count", "2");

        assertThat(stats.exit()).as(stats.toString()).isZero();
        assertThat(stats.out().lines()).hasSize(3).last().isEqualTo("{\"intervals\":2}");
    }

    /** Opens a connection, waits 4 s (sleeping, or idling), lists, and prints what became of it. */
    public static final class Waiter {
        public static void main(String[] args) throws Exception {
            try (LibvirtHypervisor hypervisor = LibvirtHypervisor.open(args[0], ConnectOptions.READ_ONLY)) {
                hypervisor.list(true, DomainSummary.Detail.STATE);
                if (args[1].equals("idle")) {
                    hypervisor.idle(Duration.ofSeconds(4));
                } else {
                    Thread.sleep(4000);
                }
                hypervisor.list(true, DomainSummary.Detail.STATE);
                System.out.println("listed");
            } catch (XenctlException e) {
                System.out.println(e.code().code());
            }
        }
    }
}
