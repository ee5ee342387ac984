package org.xenctl.libvirt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One libvirt call per item, several in flight at once over the same connection. Through a daemon each call is a
 * round trip, mostly spent waiting, and libvirtd serves up to max_client_requests (5 by default) calls of one
 * client together; libvirt's connections are safe to share between threads, and each thread keeps its own last
 * error. Few items are called in order: threads would cost more than they save.
 */
final class ConcurrentCalls {
    static final int IN_FLIGHT = 5;
    static final int SEQUENTIAL_BELOW = 32;

    private ConcurrentCalls() {
    }

    /** The results in the items' order; the first failure (in any thread) is thrown once all have stopped. */
    static <T, R> List<R> map(List<T> items, Function<T, R> call) {
        if (items.size() < SEQUENTIAL_BELOW) {
            List<R> results = new ArrayList<>(items.size());
            items.forEach(item -> results.add(call.apply(item)));
            return results;
        }
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < results.length && failure.get() == null;
                    i = next.getAndIncrement()) {
                try {
                    results[i] = call.apply(items.get(i));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> threads = new ArrayList<>(IN_FLIGHT - 1);
        for (int t = 1; t < IN_FLIGHT; t++) {
            Thread thread = new Thread(worker, "libvirt-call-" + t);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        worker.run();
        joinAll(threads);
        if (failure.get() != null) {
            throw failure.get();
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return list;
    }

    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    // The workers end on their own within one call each; the interrupt is kept for the caller.
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
