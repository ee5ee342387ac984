package org.xenctl.domain;

import java.time.Duration;

/** A domain's console, open: what the guest prints, and the keys sent to it. Closed once, by whoever opened it. */
public interface Console extends AutoCloseable {

    /**
     * Bytes the guest printed, at most {@code into.length}: waits up to {@code wait}; 0 when none came, -1 once the
     * console has closed (the domain stopped or rebooted). Throws WRONG_STATE when another session took the console
     * over, CONNECTION_LOST when the connection went.
     */
    int read(byte[] into, Duration wait);

    /** Sends bytes to the guest, as typed. */
    void write(byte[] bytes, int length);

    @Override
    void close();
}
