package org.xenctl.libvirt;

import com.sun.jna.Pointer;

/**
 * libvirt's keepalive on a connection through a daemon: a ping every {@code intervalSeconds}, and the connection
 * closed (its pending call failing with an RPC error, CONNECTION_LOST) after {@code count} unanswered ones. A busy
 * daemon still answers (its event loop is not the thread doing the work), so only a frozen or unreachable one is
 * given up.
 */
record KeepAlive(int intervalSeconds, int count) {
    /**
     * For every command's calls: libvirt's own defaults (virsh's too), ~30 s to give up once the loop runs, which
     * for a command that does not wait is one interval after its connection opened (EventLoop#startAfter).
     */
    static final KeepAlive CALLS = new KeepAlive(5, 5);
    /**
     * For waits and event streams, which sit idle on the connection for long: ~8 s. libvirt keeps the first
     * keepalive a connection starts, so it is chosen when the connection opens.
     */
    static final KeepAlive WAITS = new KeepAlive(2, 3);

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
