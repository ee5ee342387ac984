package org.xenctl.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests to several domains sent a few at a time, each on a thread of its own, and waited for until a deadline.
 * For the requests a guest must acknowledge: libxl holds a shutdown request until the guest does, for up to a minute
 * (with the domain locked in libvirt), so one guest that does not answer would delay every request sent after it,
 * and N such guests sent in turn would take N minutes, whatever the caller's time limit.
 */
final class RequestsInFlight {
    /**
     * At most this many at once, on one connection: libvirtd serves five calls of a client at a time and stops
     * reading the client's socket while it has them, keepalive answers included; the others keep a call free for
     * the waits, a destroy, and keepalive.
     */
    static final int MOST = 3;

    /** What became of one request. */
    sealed interface Result {
    }

    /** The request returned. */
    record Sent() implements Result {
    }

    /** The request failed with this. */
    record Failed(RuntimeException failure) implements Result {
    }

    /** Still in flight when the deadline passed ({@code sent}), or never sent: the others held every slot. */
    record Pending(boolean sent) implements Result {
    }

    private RequestsInFlight() {
    }

    /**
     * Runs each request and returns their results in order, once all have returned or {@code deadlineNanos}
     * (System.nanoTime(); Long.MAX_VALUE: none) has passed. A request still in flight then is left to finish on its
     * thread, which keeps no process alive. INTERRUPTED when the calling thread is.
     */
    static List<Result> send(List<Runnable> requests, long deadlineNanos) {
        if (requests.isEmpty()) {
            return List.of();
        }
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(MOST, requests.size()), task -> {
            Thread thread = new Thread(task, "domain-request");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Tracked> tracked = new ArrayList<>(requests.size());
            for (Runnable request : requests) {
                Tracked one = new Tracked(request);
                one.future = threads.submit(one);
                tracked.add(one);
            }
            List<Result> results = new ArrayList<>(requests.size());
            for (Tracked one : tracked) {
                results.add(one.result(deadlineNanos));
            }
            return results;
        } finally {
            // Not shutdownNow: a thread inside a libvirt call cannot be stopped, only abandoned.
            threads.shutdown();
        }
    }

    /** One request, taken up once: by its thread, or by the caller at the deadline so that it is never sent. */
    private static final class Tracked implements Runnable {
        private final Runnable request;
        private final AtomicBoolean taken = new AtomicBoolean();
        private Future<?> future;

        Tracked(Runnable request) {
            this.request = request;
        }

        @Override
        public void run() {
            if (taken.compareAndSet(false, true)) {
                request.run();
            }
        }

        Result result(long deadlineNanos) {
            try {
                if (deadlineNanos == Long.MAX_VALUE) {
                    future.get();
                } else {
                    future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                return new Sent();
            } catch (TimeoutException e) {
                // One not yet taken up never will be; one in flight cannot be stopped, and is left to finish.
                return new Pending(!taken.compareAndSet(false, true));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    return new Failed(failure);
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new XenctlException(ErrorCode.INTERRUPTED, "interrupted while the guests were being asked");
            }
        }
    }
}
