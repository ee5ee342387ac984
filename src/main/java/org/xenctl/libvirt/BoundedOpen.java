package org.xenctl.libvirt;

import java.time.Duration;

import com.sun.jna.Pointer;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * Opens a connection on a thread of its own and waits for it at most a bounded time: libvirt's open has no timeout
 * of its own, so a daemon that accepts the socket but never answers (stopped with SIGSTOP, a host stuck in I/O) would
 * hang every command for ever. Past the limit the command ends with CONNECT_FAILED (exit 6); the thread left behind
 * is a daemon thread, gone with the process.
 */
final class BoundedOpen implements Runnable {
    private final String uri;
    private final int flags;
    private volatile Pointer connection;
    private volatile NativeCalls.LastError error;

    private BoundedOpen(String uri, int flags) {
        this.uri = uri;
        this.flags = flags;
    }

    static Pointer open(String uri, int flags, Duration limit) {
        BoundedOpen opening = new BoundedOpen(uri, flags);
        Thread thread = new Thread(opening, "libvirt-open");
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(Math.max(1, limit.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XenctlException(ErrorCode.INTERRUPTED, "stopped connecting to " + uri);
        }
        if (thread.isAlive()) {
            throw new XenctlException(ErrorCode.CONNECT_FAILED, "cannot connect to " + uri + ": no answer within "
                    + limit.toSeconds() + " s", "check that libvirtd runs and answers there (virsh -c " + uri
                    + " version); $XENCTL_CONNECT_TIMEOUT sets the limit in seconds");
        }
        if (opening.connection == null) {
            NativeCalls.LastError last = opening.error;
            throw LibvirtErrors.connectFailure(last == null ? null : last.number(),
                    last == null ? null : last.message(), uri);
        }
        return opening.connection;
    }

    @Override
    public void run() {
        Pointer opened = DirectCalls.virConnectOpenAuth(uri, null, flags);
        if (opened == null) {
            // libvirt's last error belongs to the thread that made the call.
            error = NativeCalls.LastError.take();
        }
        connection = opened;
    }
}
