package org.xenctl.libvirt;

import java.util.concurrent.atomic.AtomicBoolean;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * libvirt's default event loop, run on a daemon thread. libvirt registers it once per process, and it must be
 * registered before a connection opens for that connection to deliver events or keep alive, so this is
 * process-wide state. In-process drivers (the test driver) need none: a listing there does not start it.
 * Bound through {@link DirectCalls} (what libvirt-java's Library.initEventLoop and runEventLoop do, without its
 * proxy, and without the stop timer xenctl never uses).
 */
final class EventLoop {
    private static final AtomicBoolean REGISTERED = new AtomicBoolean();
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private EventLoop() {
    }

    /**
     * Registers the default event loop without running it: what a connection's keepalive needs, which a call in
     * progress then runs itself (libvirt's client polls its socket with the keepalive's timeout while it waits for
     * an answer). A thread running the loop as well makes every call of a many-call command hand its answer over
     * between threads: a 1000-domain listing through a daemon took 3x longer with it (bench/run, 2026-12-04).
     */
    static void register() {
        if (!REGISTERED.compareAndSet(false, true)) {
            return;
        }
        if (DirectCalls.virEventRegisterDefaultImpl() < 0) {
            REGISTERED.set(false);
            NativeCalls.LastError error = NativeCalls.LastError.take();
            throw new XenctlException(ErrorCode.INTERNAL, "cannot start libvirt's event loop"
                    + (error == null ? "" : ": " + LibvirtErrors.oneLine(error.message())), null);
        }
    }

    /** Registers it and runs it on a thread of its own: for events, and for a connection that waits idle. */
    static void ensureRunning() {
        register();
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(EventLoop::run, "libvirt-event-loop");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        // Ends with the process. A failed turn (libvirt logs why) is not a reason to stop serving the others.
        while (true) {
            DirectCalls.virEventRunDefaultImpl();
        }
    }
}
