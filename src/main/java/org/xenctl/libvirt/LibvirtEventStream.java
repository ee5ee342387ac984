package org.xenctl.libvirt;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.DomainEventType;
import org.libvirt.event.LifecycleListener;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.LifecycleEvent;
import org.xenctl.domain.XenctlException;

/**
 * Lifecycle events of a connection, handed from libvirt's event-loop thread to the caller's thread through a queue,
 * so that the caller (which prints) never runs inside a libvirt callback.
 */
final class LibvirtEventStream {
    private LibvirtEventStream() {
    }

    /** @param guard what tells a lost connection (null: none to lose); a lost one ends the stream with exit 6 */
    static void stream(Connect connect, ConnectionGuard guard, Set<String> wanted, Duration timeout,
                       Predicate<LifecycleEvent> sink) {
        BlockingQueue<LifecycleEvent> queue = new LinkedBlockingQueue<>();
        LifecycleListener listener = (domain, event) -> {
            LifecycleEvent received = read(domain, event);
            if (received != null && (wanted.isEmpty() || wanted.contains(received.name())
                    || wanted.contains(received.uuid()))) {
                queue.add(received);
            }
            return 0;
        };
        try {
            connect.addLifecycleListener(listener);
        } catch (LibvirtException e) {
            throw LibvirtErrors.translate(e, "cannot listen for lifecycle events");
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (guard != null) {
                        guard.check("listening for events");
                    }
                    return;
                }
                LifecycleEvent next = queue.poll(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                if (next != null && !sink.test(next)) {
                    return;
                }
                if (next == null && guard != null) {
                    // Every event already queued is printed first; then a lost connection ends it, never exit 0.
                    guard.check("listening for events");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XenctlException(ErrorCode.INTERRUPTED, "stopped listening for events");
        } finally {
            try {
                connect.removeLifecycleListener(listener);
            } catch (LibvirtException e) {
                // The connection is closing anyway; nothing is left registered on the host.
            }
        }
    }

    private static LifecycleEvent read(Domain domain, DomainEvent event) {
        try {
            return new LifecycleEvent(Instant.now().toString(), domain.getName(), domain.getUUIDString(),
                    domain.getID(), name(event.getType()), detail(event));
        } catch (LibvirtException e) {
            return null;
        } finally {
            try {
                // libvirt-java takes a reference for the callback; until freed it keeps the connection alive.
                domain.free();
            } catch (LibvirtException e) {
                // Already freed.
            }
        }
    }

    /** libvirt's SUSPENDED is what xl and users call paused. */
    private static String name(DomainEventType type) {
        return type == DomainEventType.SUSPENDED ? "paused" : type.name().toLowerCase(Locale.ROOT);
    }

    private static String detail(DomainEvent event) {
        try {
            Enum<?> detail = event.getDetail();
            return detail == null ? null : detail.name().toLowerCase(Locale.ROOT).replace('_', '-');
        } catch (RuntimeException e) {
            // A detail newer than this libvirt-java knows.
            return null;
        }
    }
}
