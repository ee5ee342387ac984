package org.xenctl.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import org.xenctl.domain.Console;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * A PV console as xenconsoled logged it (xenconsoled --log=guest --timestamp=guest): read from the domain's start
 * and followed as the file grows, like tail -F ({@link ConsoleLogFormat} says how the file is written). The stamps
 * are taken off, so the text is what the guest printed, and a "Logfile Opened" marker (a domain appeared, or the
 * logs were reopened: SIGHUP, rotation) is where a boot begins, unless the domain read is still the one running
 * (then the log was only reopened). A line the guest itself ends with "Logfile Opened" would be taken for a marker:
 * xenconsoled gives no surer sign.
 *
 * <p>Read only through the {@link Console} interface: {@link #read} returns -1 at the next boot's marker or once the
 * domain stopped and its last output was read; {@link #nextBoot} goes on with the boot that follows (--follow).
 */
public final class GuestConsoleLog implements Console {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RECHECK = Duration.ofSeconds(1);
    /** How long output may still come after the domain is gone (xenconsoled drains the ring as it notices). */
    private static final Duration LAST_WORDS = Duration.ofMillis(500);
    private static final Duration HOLD = Duration.ofMillis(300);

    private final Path file;
    private FileChannel channel;
    private Object fileKey;
    /** Bytes read from the file and not yet given out: always from a point where no stamp was cut in two. */
    private byte[] pending = new byte[0];
    private boolean atLineStart;
    private boolean expectMarker;
    private BooleanSupplier sameBoot;
    private long nextCheck;
    private long goneSince = -1;
    private long heldSince = -1;
    private boolean ended;
    private boolean atBoundary;

    private GuestConsoleLog(Path file, FileChannel channel, Object fileKey, long position, BooleanSupplier sameBoot)
            throws IOException {
        this.file = file;
        this.channel = channel.position(position);
        this.fileKey = fileKey;
        this.atLineStart = true;
        this.expectMarker = position == 0;  // no marker yet: the first to come is this domain's (or a reopen)
        this.sameBoot = sameBoot;
    }

    /**
     * The console of the domain now running, from where its boot is marked in {@code file} (the whole file when it
     * has no marker); {@code sameBoot} tells whether that domain still runs (the same Xen domain id).
     */
    public static GuestConsoleLog fromLastBoot(Path file, BooleanSupplier sameBoot) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                long boot = ConsoleLogFormat.afterLastMarker(channel);
                return new GuestConsoleLog(file, channel, keyOf(file), boot, sameBoot);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "xenconsoled has no log of this domain's console ("
                    + file + " does not exist)", "xenconsoled writes it once it runs with --log=guest and sees "
                    + "the domain start");
        } catch (IOException e) {
            throw new XenctlException(ErrorCode.OPERATION_FAILED, "cannot read the console log " + file + ": "
                    + e.getMessage(), null);
        }
    }

    /**
     * After {@link #read} returned -1 at a boot's marker: goes on with that boot, which {@code sameBoot} now
     * tells apart. False when the console ended otherwise (the domain stopped, with no next boot seen yet: the
     * next one's marker, when it comes, is skipped all the same).
     */
    public boolean nextBoot(BooleanSupplier sameBoot) {
        boolean boundary = atBoundary;
        this.sameBoot = sameBoot;
        ended = false;
        atBoundary = false;
        goneSince = -1;
        expectMarker = true;
        return boundary;
    }

    @Override
    public int read(byte[] into, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (ended) {
                return -1;
            }
            int given = give(into);
            if (given > 0 || ended) {
                return given > 0 ? given : -1;
            }
            boolean grew = fill();
            if (grew) {
                continue;
            }
            if (stopped()) {
                ended = true;
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            pause(Math.min(left, POLL.toNanos()));
        }
    }

    /** No keys reach a guest through its log. */
    @Override
    public void write(byte[] bytes, int length) {
        throw new XenctlException(ErrorCode.UNSUPPORTED, "a console read from xenconsoled's log takes no keys", null);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    /** Whether the domain read has stopped and its last output has had time to reach the file. */
    private boolean stopped() {
        long now = System.nanoTime();
        if (goneSince < 0 && now < nextCheck) {
            return false;
        }
        nextCheck = now + RECHECK.toNanos();
        if (goneSince < 0) {
            if (sameBoot.getAsBoolean()) {
                return false;
            }
            goneSince = now;
        }
        return now - goneSince >= LAST_WORDS.toNanos();
    }

    /** Reads what the file gained (or, once rotated away, the new file); true when anything came. */
    private boolean fill() {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(ConsoleLogFormat.BLOCK);
            int read = channel.read(buffer);
            if (read > 0) {
                append(buffer.array(), read);
                return true;
            }
            return switchedFile();
        } catch (ClosedByInterruptException e) {
            Thread.interrupted();
            throw new XenctlException(ErrorCode.INTERRUPTED, "interrupted");
        } catch (IOException e) {
            throw new XenctlException(ErrorCode.OPERATION_FAILED, "cannot read the console log " + file + ": "
                    + e.getMessage(), null);
        }
    }

    /**
     * At the end of the open file: a log rotated away (another file under the name now) or cut short in place
     * (copytruncate) is followed into the new content, which xenconsoled begins with a marker when it reopens.
     */
    private boolean switchedFile() throws IOException {
        Object key = keyOf(file);
        if (key != null && !key.equals(fileKey)) {
            FileChannel next;
            try {
                next = FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                return false;
            }
            channel.close();
            channel = next;
            fileKey = key;
        } else if (channel.size() < channel.position()) {
            channel.position(0);
        } else {
            return false;
        }
        expectMarker = true;
        return true;
    }

    /**
     * Gives out guest bytes from {@link #pending}: whole lines and, at the end, a partial line, with their stamps
     * taken off; stops at a marker that begins the next boot (then {@link #ended}). What could still become a stamp
     * or a marker (xenconsoled writes the stamp and the text with two writes) waits for the bytes that decide.
     */
    private int give(byte[] into) {
        int given = 0;
        int consumed = 0;
        while (consumed < pending.length && given < into.length) {
            int newline = ConsoleLogFormat.indexOf(pending, (byte) '\n', consumed);
            int end = newline < 0 ? pending.length : newline + 1;
            int start = consumed;
            if (atLineStart && ConsoleLogFormat.isStamp(pending, start)) {
                start += ConsoleLogFormat.STAMP;
            }
            int marker = newline < 0 ? -1 : ConsoleLogFormat.markerIn(pending, start, end);
            int text = marker >= 0 ? marker : newline >= 0 ? end : unheld(start, end);
            int room = into.length - given;
            if (text - start > room) {
                System.arraycopy(pending, start, into, given, room);
                given += room;
                consumed = start + room;
                atLineStart = false;
                expectMarker = false;
                break;
            }
            System.arraycopy(pending, start, into, given, text - start);
            given += text - start;
            if (text > start) {
                expectMarker = false;
            }
            if (marker >= 0) {
                if (expectMarker || sameBoot.getAsBoolean()) {
                    expectMarker = false;  // this boot's own marker, or the log reopened under it
                    consumed = end;
                    atLineStart = true;
                    continue;
                }
                consumed = marker;  // the next boot begins here; its marker stays for nextBoot
                atLineStart = false;
                atBoundary = true;
                ended = true;
                break;
            }
            if (newline < 0) {
                if (text > start) {
                    consumed = text;
                    atLineStart = false;
                }
                break;  // the rest, if any, waits
            }
            consumed = end;
            atLineStart = true;
        }
        pending = Arrays.copyOfRange(pending, consumed, pending.length);
        return given;
    }

    /**
     * The end of what can be given out of an unfinished line [start, end): a tail that could still turn into a
     * marker waits, for a moment only (xenconsoled writes a marker's stamp and text with two writes, microseconds
     * apart; a guest's prompt that happens to look like their beginning is given out after {@link #HOLD}).
     */
    private int unheld(int start, int end) {
        int hold = ConsoleLogFormat.holdFrom(pending, start, end);
        long now = System.nanoTime();
        if (hold == end) {
            heldSince = -1;
        } else if (heldSince < 0) {
            heldSince = now;
        } else if (now - heldSince >= HOLD.toNanos()) {
            heldSince = -1;
            return end;
        }
        return hold;
    }

    private void append(byte[] bytes, int length) {
        byte[] joined = Arrays.copyOf(pending, pending.length + length);
        System.arraycopy(bytes, 0, joined, pending.length, length);
        pending = joined;
    }

    private static Object keyOf(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static void pause(long nanos) {
        try {
            Thread.sleep(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XenctlException(ErrorCode.INTERRUPTED, "interrupted");
        }
    }
}
