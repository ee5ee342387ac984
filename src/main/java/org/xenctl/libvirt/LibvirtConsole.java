package org.xenctl.libvirt;

import java.time.Duration;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import org.xenctl.domain.Console;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * A domain's console through virDomainOpenConsole, as a non-blocking stream: a read that finds nothing waits for the
 * event loop's "readable" callback (or its time), so a reader can stop on a deadline or Ctrl-C, and keys can be sent
 * from another thread meanwhile (the two never call libvirt at once).
 */
final class LibvirtConsole implements Console {
    private static final Duration RECHECK = Duration.ofMillis(500);

    private final Pointer connection;
    /** The domain's handle, owned by the hypervisor's handle cache for as long as the console is open. */
    private final Pointer domain;
    private final Pointer stream;
    private final String name;
    private final Object calls = new Object();
    private final Object wake = new Object();
    /** Kept: libvirt holds the pointer until the callback is removed. */
    private final DirectCalls.StreamCallback callback = (stream, events, opaque) -> signal();
    private boolean signalled;
    private boolean ended;
    private boolean closed;

    private LibvirtConsole(Pointer connection, Pointer domain, Pointer stream, String name) {
        this.connection = connection;
        this.domain = domain;
        this.stream = stream;
        this.name = name;
    }

    static LibvirtConsole open(Pointer connection, Pointer domain, String name, boolean force) {
        Pointer stream = DirectCalls.virStreamNew(connection, DirectCalls.STREAM_NONBLOCK);
        if (stream == null) {
            throw NativeCalls.lastError("cannot open the console of domain " + name);
        }
        LibvirtConsole console = new LibvirtConsole(connection, domain, stream, name);
        try {
            if (DirectCalls.virDomainOpenConsole(domain, null, stream, force ? DirectCalls.CONSOLE_FORCE : 0) < 0) {
                throw busy(NativeCalls.lastError("cannot open the console of domain " + name), name);
            }
            NativeCalls.check(DirectCalls.virStreamEventAddCallback(stream, DirectCalls.STREAM_EVENT_READABLE
                    | DirectCalls.STREAM_EVENT_ERROR | DirectCalls.STREAM_EVENT_HANGUP, console.callback, null, null),
                    "cannot watch the console of domain " + name);
            return console;
        } catch (RuntimeException e) {
            console.close();
            throw e;
        }
    }

    /** libvirt says an internal error when another session holds the console: it is a state, with a way out. */
    private static XenctlException busy(XenctlException failure, String name) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (message.contains("Active console session exists")) {
            return new XenctlException(ErrorCode.WRONG_STATE, "another session has the console of domain " + name,
                    "give --force to take it over");
        }
        return failure;
    }

    @Override
    public int read(byte[] into, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            int read;
            synchronized (calls) {
                if (ended || closed) {
                    return -1;
                }
                read = DirectCalls.virStreamRecv(stream, into, new NativeLong(into.length));
                if (read == 0 || read == -1) {
                    ended = true;
                }
            }
            if (read > 0) {
                return read;
            }
            if (read == 0) {
                return -1;
            }
            if (read == -1) {
                XenctlException failure = NativeCalls.lastError("the console stopped");
                if (lost(failure)) {
                    throw failure;
                }
                if (!stillRuns()) {
                    return -1;  // the console went with the domain (a PV one's ends cleanly, read 0 above)
                }
                // The connection is up, the domain runs, and the daemon aborted the stream: another session opened
                // the console with --force (seen on the lab).
                throw new XenctlException(ErrorCode.WRONG_STATE, "another session took over the console of domain "
                        + name, "xenctl console --force " + name + " takes it back", failure);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            await(Math.min(left, RECHECK.toNanos()));
        }
    }

    /**
     * Whether a stream failure is the connection's: the remote driver reports any stream abort as an RPC-layer
     * "stream had I/O failure", also when the daemon ended only the stream, so the connection itself is asked.
     */
    private boolean lost(XenctlException failure) {
        return failure.code() == ErrorCode.CONNECTION_LOST && DirectCalls.virConnectIsAlive(connection) != 1;
    }

    /** Whether the domain is still there and not going down (running, blocked, paused or suspended to RAM). */
    private boolean stillRuns() {
        IntByReference state = new IntByReference();
        if (DirectCalls.virDomainGetState(domain, state, new IntByReference(), 0) < 0) {
            DirectCalls.virResetLastError();
            return false;
        }
        return switch (state.getValue()) {
            case 1, 2, 3, 7 -> true;  // virDomainState RUNNING, BLOCKED, PAUSED, PMSUSPENDED
            default -> false;
        };
    }

    private void await(long nanos) {
        synchronized (wake) {
            try {
                if (!signalled) {
                    wake.wait(Math.max(1, nanos / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new XenctlException(ErrorCode.INTERRUPTED, "interrupted");
            }
            signalled = false;
        }
    }

    private void signal() {
        synchronized (wake) {
            signalled = true;
            wake.notifyAll();
        }
    }

    @Override
    public void write(byte[] bytes, int length) {
        int sent = 0;
        while (sent < length) {
            byte[] rest = sent == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, sent, length);
            int done;
            synchronized (calls) {
                if (ended || closed) {
                    return;
                }
                done = DirectCalls.virStreamSend(stream, rest, new NativeLong(length - sent));
            }
            if (done == -1) {
                XenctlException failure = NativeCalls.lastError("cannot send to the console");
                if (lost(failure)) {
                    throw failure;
                }
                return;  // the console is closing: the reader sees it end
            }
            if (done == -2) {
                await(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(10));
                continue;
            }
            sent += done;
        }
    }

    @Override
    public void close() {
        synchronized (calls) {
            if (closed) {
                return;
            }
            closed = true;
            DirectCalls.virStreamEventRemoveCallback(stream);
            if (!ended) {
                DirectCalls.virStreamAbort(stream);
            }
            DirectCalls.virStreamFree(stream);
            NativeCalls.LastError.take();  // what the abort of a half-open stream says is not news
        }
        signal();
    }
}
