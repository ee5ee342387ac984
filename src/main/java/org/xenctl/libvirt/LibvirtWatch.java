package org.xenctl.libvirt;

import java.time.Duration;
import java.util.Optional;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.DomainEventType;
import org.libvirt.event.LifecycleListener;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.XenctlException;

/**
 * Waits for one domain: re-reads its state after every lifecycle event for it, and also every poll interval, so a
 * lost event or a connection without events only makes the wait slower, never wrong.
 */
final class LibvirtWatch implements Hypervisor.DomainWatch {
    static final Duration POLL_WITH_EVENTS = Duration.ofMillis(500);
    static final Duration POLL_WITHOUT_EVENTS = Duration.ofMillis(100);

    private final LibvirtHypervisor hypervisor;
    private final ConnectionGuard guard;
    private final Connect connect;
    private final String uuid;
    private final Object lock = new Object();
    private final LifecycleListener listener;
    private long generation;
    private boolean restarted;

    /** @param guard what tells a lost connection; null where there are no events (calls then fail by themselves) */
    LibvirtWatch(LibvirtHypervisor hypervisor, Connect connect, ConnectionGuard guard, String uuid, boolean events) {
        this.hypervisor = hypervisor;
        this.guard = guard;
        this.connect = connect;
        this.uuid = uuid;
        this.listener = events ? this::onLifecycle : null;
        if (listener != null) {
            try {
                connect.addLifecycleListener(listener);
            } catch (LibvirtException e) {
                throw LibvirtErrors.translate(e, "cannot watch domain " + uuid);
            }
        }
    }

    private int onLifecycle(Domain domain, DomainEvent event) {
        boolean ours;
        try {
            ours = uuid.equals(domain.getUUIDString());
            // libvirt-java takes a reference for the callback; until freed it keeps the connection alive.
            domain.free();
        } catch (LibvirtException e) {
            return 0;
        }
        if (!ours) {
            return 0;
        }
        synchronized (lock) {
            if (event.getType() == DomainEventType.STARTED) {
                restarted = true;
            }
            generation++;
            lock.notifyAll();
        }
        return 0;
    }

    @Override
    public Optional<DomainSummary> await(Hypervisor.Condition condition, Duration timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        Duration poll = listener != null ? POLL_WITH_EVENTS : POLL_WITHOUT_EVENTS;
        while (true) {
            long seen;
            synchronized (lock) {
                seen = generation;
            }
            if (guard != null) {
                guard.check("waiting for domain " + uuid + " to be " + condition.description());
            }
            Optional<DomainSummary> now;
            try {
                now = hypervisor.refresh(uuid);
            } catch (XenctlException e) {
                if (guard != null && guard.isLost()) {
                    guard.check("waiting for domain " + uuid + " to be " + condition.description());
                }
                throw e;
            }
            if (condition.test(now)) {
                return now;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new XenctlException(ErrorCode.TIMEOUT, "domain " + now.map(DomainSummary::name).orElse(uuid)
                        + " is not " + condition.description() + " after " + seconds(timeout) + " (it is "
                        + now.map(s -> s.state().label()).orElse("gone") + ")",
                        "wait longer with --timeout");
            }
            sleepUntilEvent(seen, Math.min(remaining, poll.toNanos()));
        }
    }

    private void sleepUntilEvent(long seen, long nanos) {
        synchronized (lock) {
            long until = System.nanoTime() + nanos;
            try {
                while (generation == seen) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new XenctlException(ErrorCode.INTERRUPTED, "stopped waiting: the domain is left as it is");
            }
        }
    }

    private static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    @Override
    public boolean sawRestart() {
        synchronized (lock) {
            return restarted;
        }
    }

    @Override
    public void close() {
        if (listener != null) {
            try {
                connect.removeLifecycleListener(listener);
            } catch (LibvirtException e) {
                // The connection is closing anyway; nothing is left registered on the host.
            }
        }
    }
}
