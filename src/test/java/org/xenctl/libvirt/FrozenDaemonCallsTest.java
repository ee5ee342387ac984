package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * Short keepalive figures here; the commands' own are {@link KeepAlive#DEFAULT}.
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

    /**
     * The same in a JVM where nobody runs libvirt's event loop, with a call made once the daemon is frozen: libvirt's
     * client checks the keepalive during a call only when something wakes it, so this call hung for ever (a probe,
     * seventeenth session) until a command's connection started the loop's thread one keepalive interval after it
     * opened ({@link EventLoop#startAfter}). 2 s × 3: given up within 2 + 8 s.
     */
    @Test
    @Timeout(90)
    void in_a_fresh_process_a_call_made_after_the_daemon_froze_ends_within_the_keepalive_limit() throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FrozenCallProbe.class.getName(), daemon.uri(), "2", "3")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("listed");
            daemon.freeze();
            long started = System.nanoTime();
            probe.getOutputStream().write('\n');
            probe.getOutputStream().flush();

            String outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(40, TimeUnit.SECONDS);

            assertThat(outcome).isEqualTo("CONNECTION_LOST");
            assertThat(seconds(started)).isLessThan(2 + 8 + 10);
        } finally {
            probe.destroyForcibly();
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
