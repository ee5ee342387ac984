package org.xenctl.libvirt;

import java.util.concurrent.atomic.AtomicBoolean;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * libvirt's default event loop, run on a daemon thread. libvirt registers it once per process, and it must be
 * registered before a connection opens for that connection to deliver events or keep alive, so this is
 * process-wide state. In-process drivers (the test driver) need none: a listing there does not start it.
 * Bound through {@link DirectCalls} (what libvirt-java's Library.initEventLoop and runEventLoop do, without its
 * proxy, and without the stop timer xenctl never uses).
 */
final class EventLoop {
    private static final AtomicBoolean REGISTERED = new AtomicBoolean();
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final AtomicBoolean SCHEDULED = new AtomicBoolean();

    private EventLoop() {
    }

    /**
     * Registers the default event loop without running it: what a connection's keepalive needs (its timer lives in
     * the loop), run by a thread only once a command has lasted a keepalive interval ({@link #startAfter}). A thread
     * running the loop from the start makes every call of a many-call command hand its answer over between threads:
     * a 1000-domain listing through a daemon took 3x longer with it (bench/run, 2026-12-04).
     */
    static void register() {
        if (!REGISTERED.compareAndSet(false, true)) {
            return;
        }
        if (DirectCalls.virEventRegisterDefaultImpl() < 0) {
            REGISTERED.set(false);
            NativeCalls.LastError error = NativeCalls.LastError.take();
            throw new XenctlException(ErrorCode.INTERNAL, "cannot start libvirt's event loop"
                    + (error == null ? "" : ": " + LibvirtErrors.oneLine(error.message())), null);
        }
    }

    /** Registers it and runs it on a thread of its own: for events, and for a connection that waits idle. */
    static void ensureRunning() {
        register();
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(EventLoop::run, "libvirt-event-loop");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts the loop's thread once {@code delay} has passed, unless a thread runs it by then: what bounds a call to a
     * daemon that froze in the middle of it. libvirt 9.0's client, while a call waits for its answer, works out when
     * the keepalive is due but waits on the socket alone (virNetClientIOEventLoop gives that timeout to nothing), so
     * it checks the keepalive only when something wakes it, and a call made after the daemon froze never ends
     * unless a thread runs the event loop, whose keepalive timer then gives the daemon up and fails the call
     * (CONNECTION_LOST). A thread from the start costs many-call commands their speed ({@link #register}); after the
     * delay, only a command that runs that long pays it. Once per process.
     */
    static void startAfter(java.time.Duration delay) {
        if (STARTED.get() || !SCHEDULED.compareAndSet(false, true)) {
            return;
        }
        Thread timer = new Thread(new DelayedStart(delay), "libvirt-keepalive");
        timer.setDaemon(true);
        timer.start();
    }

    /** The thread of {@link #startAfter}: a class, not a lambda, like the loading threads. */
    private static final class DelayedStart implements Runnable {
        private final java.time.Duration delay;

        DelayedStart(java.time.Duration delay) {
            this.delay = delay;
        }

        @Override
        public void run() {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            ensureRunning();
        }
    }

    /**
     * Waits {@code duration} by running the loop on the calling thread, when no thread runs it: a connection idle
     * meanwhile answers its daemon's keepalive (libvirtd drops a client silent for 30 s by default), while the calls
     * made between two waits keep answering for themselves, without the hand-over a loop thread costs them. Wakes
     * every {@link #TURN_MS} to see an interrupt (Ctrl-C). Sleeps when the loop is not registered or has its thread.
     */
    static void runFor(java.time.Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        if (!REGISTERED.get() || STARTED.get()) {
            Thread.sleep(Math.max(0, duration.toMillis()));
            return;
        }
        int timer = DirectCalls.virEventAddTimeout(-1, WAKE, null, null);
        if (timer < 0) {
            NativeCalls.LastError.take();
            Thread.sleep(Math.max(0, duration.toMillis()));
            return;
        }
        try {
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                DirectCalls.virEventUpdateTimeout(timer, (int) Math.max(1, Math.min(TURN_MS, left / 1_000_000)));
                DirectCalls.virEventRunDefaultImpl();
            }
        } finally {
            DirectCalls.virEventRemoveTimeout(timer);
        }
    }

    private static final int TURN_MS = 100;

    /** The timer's callback has nothing to do: its firing ends the loop's turn. Kept: libvirt holds the pointer. */
    private static final DirectCalls.TimeoutCallback WAKE = (timer, opaque) -> { };

    private static void run() {
        // Ends with the process. A failed turn (libvirt logs why) is not a reason to stop serving the others.
        while (true) {
            DirectCalls.virEventRunDefaultImpl();
        }
    }
}
