package org.xenctl.cli;

import java.nio.charset.StandardCharsets;

/**
 * Whether a text has appeared in what a console printed so far, read in chunks that may split it anywhere: the
 * bytes are searched with the end of the previous chunk kept, as long as the text less one byte.
 */
final class ConsoleExpect {
    private final byte[] wanted;
    private byte[] tail = new byte[0];

    ConsoleExpect(String text) {
        wanted = text.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the text is in everything seen, once this chunk is added. */
    boolean seenAfter(byte[] chunk, int length) {
        byte[] window = new byte[tail.length + length];
        System.arraycopy(tail, 0, window, 0, tail.length);
        System.arraycopy(chunk, 0, window, tail.length, length);
        if (indexOf(window) >= 0) {
            return true;
        }
        int keep = Math.min(window.length, Math.max(0, wanted.length - 1));
        tail = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
        return false;
    }

    private int indexOf(byte[] window) {
        outer:
        for (int i = 0; i + wanted.length <= window.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (window[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
