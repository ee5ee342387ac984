package org.xenctl.libvirt;

import java.util.concurrent.atomic.AtomicReference;

import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.event.ConnectionCloseReason;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * What keeps a waiting command from hanging or lying when the daemon dies or freezes: libvirt's keepalive on the
 * connection ({@link KeepAlive#DEFAULT}, started when it opened: a daemon that stops answering is given up and the
 * connection closed) and a close callback that records why it closed. A wait or an event stream
 * asks {@link #check} at every wake-up and ends with CONNECTION_LOST (exit 6) instead of waiting for ever, or
 * reaching its timeout and exiting 0 as if nothing had happened. Only where events are on: keepalive runs on
 * libvirt's event loop. In-process drivers (the test driver) have no connection to lose and no keepalive.
 */
final class ConnectionGuard {
    private final String uri;
    private final AtomicReference<String> lost = new AtomicReference<>();

    private ConnectionGuard(String uri) {
        this.uri = uri;
    }

    /** Watches {@code connect}; whatever the driver does not support is left out (a local driver cannot be lost). */
    static ConnectionGuard on(Connect connect, String uri) {
        ConnectionGuard guard = new ConnectionGuard(uri);
        try {
            connect.registerCloseListener((connection, reason) -> {
                if (reason != ConnectionCloseReason.CLIENT) {
                    guard.lost.compareAndSet(null, reason.name().toLowerCase(java.util.Locale.ROOT));
                }
            });
        } catch (LibvirtException e) {
            // No close callback on this driver: its calls still fail, and are mapped, when it is gone.
        }
        return guard;
    }

    /** Throws CONNECTION_LOST once libvirt has closed the connection. */
    void check(String doing) {
        String reason = lost.get();
        if (reason != null) {
            throw lostWhile(doing, reason);
        }
    }

    boolean isLost() {
        return lost.get() != null;
    }

    XenctlException lostWhile(String doing, String reason) {
        return new XenctlException(ErrorCode.CONNECTION_LOST, "the connection to " + uri + " was lost while "
                + doing + " (" + describe(reason) + ")", "check that libvirtd runs and answers on that host "
                + "(virsh -c " + uri + " version), then run the command again");
    }

    private static String describe(String reason) {
        return switch (reason) {
            case "eof" -> "libvirtd closed it or ended";
            case "keepalive" -> "libvirtd stopped answering for " + KeepAlive.DEFAULT.limitSeconds() + " s";
            case "error" -> "a socket error";
            default -> reason;
        };
    }
}
