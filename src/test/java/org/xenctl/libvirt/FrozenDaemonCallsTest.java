package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ConnectOptions;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.testing.PrivateLibvirtd;

/**
 * A daemon that freezes (SIGSTOP) after the connection is open, under a command that does not wait: with the
 * keepalive every daemon connection gets, its next call fails with CONNECTION_LOST after the keepalive's limit;
 * without it, the same call blocks for as long as the daemon is stopped (the control, thawed after a while).
 * Short keepalive figures here; the commands' own are {@link KeepAlive#CALLS}.
 */
class FrozenDaemonCallsTest {
    private static final KeepAlive QUICK = new KeepAlive(1, 2);

    @TempDir
    Path dir;

    private PrivateLibvirtd daemon;

    @BeforeEach
    void aPrivateDaemon() throws Exception {
        daemon = PrivateLibvirtd.start(dir);
    }

    @AfterEach
    void stopIt() throws Exception {
        daemon.thaw();
        daemon.close();
    }

    @Test
    @Timeout(60)
    void a_call_to_a_frozen_daemon_fails_with_connection_lost_within_the_keepalive_limit() throws Exception {
        try (LibvirtHypervisor hypervisor = LibvirtHypervisor.open(daemon.uri(), ConnectOptions.READ_ONLY,
                Duration.ofSeconds(10), QUICK)) {
            assertThat(hypervisor.list(true, DomainSummary.Detail.STATE)).isNotEmpty();
            daemon.freeze();
            long started = System.nanoTime();

            XenctlException lost = catchThrowableOfType(
                    () -> hypervisor.list(true, DomainSummary.Detail.STATE), XenctlException.class);

            assertThat(lost).isNotNull();
            assertThat(lost.code()).as(lost.getMessage()).isEqualTo(ErrorCode.CONNECTION_LOST);
            assertThat(lost.getMessage()).contains("keepalive");
            assertThat(seconds(started)).isBetween(1L, QUICK.limitSeconds() + 5L);
        }
    }

    @Test
    @Timeout(60)
    void without_keepalive_the_same_call_waits_for_as_long_as_the_daemon_is_frozen() throws Exception {
        try (LibvirtHypervisor hypervisor = LibvirtHypervisor.open(daemon.uri(), ConnectOptions.READ_ONLY,
                Duration.ofSeconds(10), new KeepAlive(0, 0))) {
            daemon.freeze();

            CompletableFuture<Integer> listing = CompletableFuture.supplyAsync(
                    () -> hypervisor.list(true, DomainSummary.Detail.STATE).size());

            Thread.sleep(TimeUnit.SECONDS.toMillis(QUICK.limitSeconds() + 3L));
            assertThat(listing).as("still blocked past the keepalive's limit").isNotDone();
            daemon.thaw();
            assertThat(listing.get(20, TimeUnit.SECONDS)).isPositive();
        }
    }

    private static long seconds(long started) {
        return (System.nanoTime() - started) / 1_000_000_000L;
    }
}
