package org.xenctl.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How xenconsoled 4.17 writes a guest's console log with --timestamp=guest: each line after a stamp "[YYYY-MM-DD
 * HH:MM:SS] " (its strftime; the stamp and the text come in two writes), and a line "Logfile Opened" each time it
 * opens the log of a domain that appears or reopens its logs, stamped only when the last output it logged (any
 * guest's) ended a line, so it may follow an unfinished line of the boot before. Only the grammar: the reading is
 * {@link GuestConsoleLog}'s.
 */
final class ConsoleLogFormat {
    static final byte[] MARKER = "Logfile Opened\n".getBytes(StandardCharsets.US_ASCII);
    static final int STAMP = "[2026-12-05 10:00:00] ".length();
    static final int BLOCK = 64 * 1024;

    private ConsoleLogFormat() {
    }

    /** Where a tail of [start, end) begins that is the beginning of a marker, stamped or not; {@code end} if none. */
    static int holdFrom(byte[] bytes, int start, int end) {
        for (int p = start; p < end; p++) {
            if (end - p < MARKER.length && Arrays.equals(bytes, p, end, MARKER, 0, end - p)) {
                return p;
            }
            if (couldBeStampThenMarker(bytes, p, end)) {
                return p;
            }
        }
        return end;
    }

    private static boolean couldBeStampThenMarker(byte[] bytes, int p, int end) {
        int length = end - p;
        if (length >= STAMP + MARKER.length) {
            return false;
        }
        if (!couldBeStamp(bytes, p, Math.min(end, p + STAMP))) {
            return false;
        }
        return length <= STAMP || Arrays.equals(bytes, p + STAMP, end, MARKER, 0, length - STAMP);
    }

    /**
     * Where the marker in [start, end) begins, or -1: the segment ends with "Logfile Opened\n", its stamp before it
     * when it has one. What comes before is the previous boot's unfinished line: xenconsoled appends the marker to
     * the file as it is, and stamps it only when the last output it logged (any guest's) ended a line.
     */
    static int markerIn(byte[] bytes, int start, int end) {
        int at = end - MARKER.length;
        if (at < start || !Arrays.equals(bytes, at, end, MARKER, 0, MARKER.length)) {
            return -1;
        }
        return at - STAMP >= start && isStamp(bytes, at - STAMP) ? at - STAMP : at;
    }

    /** "[YYYY-MM-DD HH:MM:SS] " at {@code at}, as xenconsoled's strftime writes it. */
    static boolean isStamp(byte[] bytes, int at) {
        return at + STAMP <= bytes.length && couldBeStamp(bytes, at, at + STAMP);
    }

    private static boolean couldBeStamp(byte[] bytes, int start, int end) {
        String shape = "[dddd-dd-dd dd:dd:dd] ";
        for (int i = start; i < end && i - start < shape.length(); i++) {
            char expected = shape.charAt(i - start);
            byte actual = bytes[i];
            if (expected == 'd' ? actual < '0' || actual > '9' : actual != expected) {
                return false;
            }
        }
        return true;
    }

    /** The position just past the last marker of the file, found from its end backwards; 0 when there is none. */
    static long afterLastMarker(FileChannel channel) throws IOException {
        long size = channel.size();
        int overlap = STAMP + MARKER.length + 1;
        long end = size;
        while (end > 0) {
            long start = Math.max(0, end - BLOCK);
            long from = Math.max(0, start - overlap);
            ByteBuffer block = ByteBuffer.allocate((int) (Math.min(size, end + overlap) - from));
            while (block.hasRemaining() && channel.read(block, from + block.position()) > 0) {
                // read the whole block
            }
            byte[] bytes = Arrays.copyOf(block.array(), block.position());
            for (int newline = lastIndexOf(bytes, (byte) '\n', bytes.length - 1); newline >= 0;
                    newline = lastIndexOf(bytes, (byte) '\n', newline - 1)) {
                long absolute = from + newline;
                if (absolute < start || absolute >= end) {
                    continue;
                }
                if (markerIn(bytes, 0, newline + 1) >= 0) {
                    return absolute + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte wanted, int from) {
        for (int i = Math.min(from, bytes.length - 1); i >= 0; i--) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
