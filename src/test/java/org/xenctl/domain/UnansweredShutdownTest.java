package org.xenctl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.TestDriver;

/**
 * A guest that does not acknowledge Xen's shutdown request (a hung kernel): libxl holds the request for up to 60 s,
 * with the domain locked in libvirt (a destroy waits for it), then fails it (seen on the Xen lab, where
 * UnansweredShutdownXenLabIT makes guests deaf for real). Here the test driver's real domains, except that the
 * request to the deaf ones is held for {@link #HELD}, then fails as libvirt fails it; their destroy waits for the
 * hold as libvirt's would.
 */
class UnansweredShutdownTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final long HELD = 3000;

    private LibvirtHypervisor fresh;
    private LibvirtHypervisor real;
    private final Set<String> deaf = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final List<Long> asked = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void threeRunningGuests() {
        fresh = TestDriver.keep();
        real = LibvirtHypervisor.open(TestDriver.DEFAULT, ConnectOptions.WITH_EVENTS);
        for (String name : List.of("deaf1", "deaf2")) {
            DomainSummary guest = real.createTransient("<domain type='test'><name>" + name + "</name><memory "
                    + "unit='MiB'>128</memory><os><type>xen</type></os></domain>", false);
            deaf.add(guest.uuid());
        }
    }

    @AfterEach
    void close() throws InterruptedException {
        for (CountDownLatch hold : holds.values()) {
            hold.await(10, TimeUnit.SECONDS);
        }
        real.close();
        fresh.close();
    }

    private Hypervisor host() {
        return (Hypervisor) Proxy.newProxyInstance(Hypervisor.class.getClassLoader(),
                new Class<?>[] {Hypervisor.class}, (proxy, method, args) -> {
                    String uuid = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                    if (method.getName().equals("shutdown") && deaf.contains(uuid)) {
                        asked.add(System.nanoTime());
                        CountDownLatch hold = new CountDownLatch(1);
                        holds.put(uuid, hold);
                        try {
                            Thread.sleep(HELD);
                        } finally {
                            hold.countDown();
                        }
                        throw new XenctlException(ErrorCode.OPERATION_FAILED, "cannot shut down domain: internal "
                                + "error: Failed to shutdown domain with libxenlight");
                    }
                    if (method.getName().equals("destroy") && holds.containsKey(uuid)) {
                        holds.get(uuid).await();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private List<DomainSummary> running() {
        return real.list(false);
    }

    private boolean isRunning(String name) {
        return real.lookup(DomainRef.of(name)).isActive();
    }

    @Test
    void the_time_limit_holds_while_deaf_guests_keep_their_requests_and_the_others_shut_down() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> new Lifecycle(host(), SHORT, SHORT).shutdownAll(running(),
                Hypervisor.ShutdownRequest.DEFAULT, true, Duration.ofSeconds(1), false))
                .isInstanceOfSatisfying(XenctlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
                    assertThat(e.getMessage()).matches("domain deaf[12] has not acknowledged the shutdown request "
                            + "after 1 s \\(libxl waits up to 60 s for a guest to take it: a hung kernel never does\\)");
                    assertThat(e.hint()).startsWith("the other domains were asked all the same; give --force");
                });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(HELD - 500));
        assertThat(isRunning("test")).as("the guest that answered").isFalse();
        assertThat(isRunning("deaf1")).isTrue();
        assertThat(isRunning("deaf2")).isTrue();
    }

    @Test
    void with_force_deaf_guests_are_asked_together_and_destroyed_once_libxl_lets_go() {
        long start = System.nanoTime();

        List<Outcome> outcomes = new Lifecycle(host(), SHORT, SHORT).shutdownAll(running(),
                Hypervisor.ShutdownRequest.DEFAULT, true, Duration.ofSeconds(1), true);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("both held at once, not one after the other").isLessThan(Duration.ofMillis(2 * HELD - 500));
        assertThat(asked).hasSize(2);
        assertThat(Math.abs(asked.get(0) - asked.get(1))).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(outcomes).extracting(Outcome::message).containsExactlyInAnyOrder(
                "Domain test has shut down.",
                "Domain deaf1 had not acknowledged the request when the time was up: destroyed after 1 s.",
                "Domain deaf2 had not acknowledged the request when the time was up: destroyed after 1 s.");
        assertThat(running()).isEmpty();
    }

    @Test
    void without_a_time_limit_the_failure_libxl_gives_at_the_end_of_its_wait_is_reported() {
        deaf.remove(real.lookup(DomainRef.of("deaf2")).uuid());
        long start = System.nanoTime();

        assertThatThrownBy(() -> new Lifecycle(host(), SHORT, SHORT).shutdownAll(running(),
                Hypervisor.ShutdownRequest.DEFAULT, false, null, false))
                .isInstanceOfSatisfying(XenctlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED);
                    assertThat(e.getMessage()).contains("Failed to shutdown domain with libxenlight");
                });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(HELD));
        assertThat(isRunning("deaf1")).isTrue();
    }
}
