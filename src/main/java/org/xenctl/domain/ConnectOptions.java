package org.xenctl.domain;

/**
 * How a command needs its connection: read-only where it only looks (so unprivileged users can list), and with
 * lifecycle events where it waits for a state.
 */
public record ConnectOptions(boolean readOnly, boolean events) {
    public static final ConnectOptions READ_ONLY = new ConnectOptions(true, false);
    public static final ConnectOptions READ_WRITE = new ConnectOptions(false, false);
    public static final ConnectOptions WITH_EVENTS = new ConnectOptions(false, true);

    /** How long opening a connection may take when nothing else is said: libvirt's own open has no limit. */
    public static final java.time.Duration DEFAULT_CONNECT_TIMEOUT = java.time.Duration.ofSeconds(30);
}
