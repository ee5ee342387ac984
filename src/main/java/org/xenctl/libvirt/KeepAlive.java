package org.xenctl.libvirt;

import com.sun.jna.Pointer;

/**
 * libvirt's keepalive on a connection through a daemon: a ping every {@code intervalSeconds}, and the connection
 * closed (its pending call failing with an RPC error, CONNECTION_LOST) after {@code count} unanswered ones. A busy
 * daemon mostly still answers (its event loop is not the thread doing the work), so the limit is for a frozen or
 * unreachable one, with room for a daemon or a link that goes quiet for a few seconds.
 */
record KeepAlive(int intervalSeconds, int count) {
    /**
     * For every connection: libvirt's own defaults (virsh's too), ~30 s to give up a daemon that stops answering,
     * counted from when libvirt's event loop runs (from the start under a command that waits or streams, one interval
     * after the connection opened under any other: EventLoop#startAfter). Not tighter for waits: on the Xen lab the
     * daemon went unheard for 9.3 s while a guest restarted (2026-12-07), and 2 s × 3 called a working host lost
     * (GuestLifecycleXenLabIT, exit 6 for a shutdown --wait). A daemon that dies is seen at once, by its socket.
     */
    static final KeepAlive DEFAULT = new KeepAlive(5, 5);

    int limitSeconds() {
        return intervalSeconds * (count + 1);
    }

    /** One interval: how long a command runs before libvirt's event loop gets a thread (EventLoop#startAfter). */
    java.time.Duration interval() {
        return java.time.Duration.ofSeconds(intervalSeconds);
    }

    /** Whether {@code uri} goes through a daemon: every driver but the in-process test driver (test:///…). */
    static boolean throughDaemon(String uri) {
        return uri == null || !uri.startsWith("test:///");
    }

    /** Starts it; a driver that cannot (an in-process one) has no daemon to lose, so a refusal is not an error. */
    void start(Pointer connection) {
        if (DirectCalls.virConnectSetKeepAlive(connection, intervalSeconds, count) < 0) {
            NativeCalls.LastError.take();
        }
    }
}
