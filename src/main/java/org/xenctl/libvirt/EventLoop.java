package org.xenctl.libvirt;

import java.util.concurrent.atomic.AtomicBoolean;

import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * libvirt's default event loop, run on a daemon thread. libvirt registers it once per process, and it must be
 * registered before a connection opens for that connection to deliver events, so this is process-wide state.
 * Commands that never wait do not start it: it costs a thread and start-up time.
 */
final class EventLoop {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private EventLoop() {
    }

    static void ensureRunning() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        try {
            Library.initEventLoop();
        } catch (LibvirtException e) {
            STARTED.set(false);
            throw new XenctlException(ErrorCode.INTERNAL, "cannot start libvirt's event loop: "
                    + LibvirtErrors.oneLine(e.getMessage()), null, e);
        }
        Thread thread = new Thread(EventLoop::run, "libvirt-event-loop");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            Library.runEventLoop();
        } catch (LibvirtException | InterruptedException e) {
            // The loop ends with the process; waits fall back to polling if it ever stops early.
            Thread.currentThread().interrupt();
        }
    }
}
