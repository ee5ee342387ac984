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
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private EventLoop() {
    }

    static void ensureRunning() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        if (DirectCalls.virEventRegisterDefaultImpl() < 0) {
            STARTED.set(false);
            NativeCalls.LastError error = NativeCalls.LastError.take();
            throw new XenctlException(ErrorCode.INTERNAL, "cannot start libvirt's event loop"
                    + (error == null ? "" : ": " + LibvirtErrors.oneLine(error.message())), null);
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
