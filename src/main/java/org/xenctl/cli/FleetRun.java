package org.xenctl.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

import org.xenctl.domain.ConnectOptions;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.OutputFormat;
import org.xenctl.render.View;

/**
 * Runs a {@link FleetCommand} on every host of a fleet at once, each host on its own connection and thread (at most
 * {@link #PARALLEL} at a time, each open bounded by the connect timeout), so that a fleet answers in about the time
 * of its slowest host; a host that cannot be reached is one failed answer, never the end of the others.
 */
final class FleetRun {
    /** Enough to hide the network's latency for a rack of hosts, few enough for a 2-core workstation. */
    static final int PARALLEL = 16;

    private FleetRun() {
    }

    static View onEveryHost(Invocation run, HypervisorCommand command, FleetCommand fleet, List<String> uris) {
        if (command.streams()) {
            return fleet.merge(streamFromEach(run, uris, command, fleet));
        }
        List<FleetCommand.HostAnswer> answers = onEach(run, uris, command.connectOptions(),
                (session, uri) -> fleet.executeOn(session, uri));
        reportFailures(run, answers);
        return fleet.merge(answers);
    }

    /**
     * A streaming verb (events) on every host at once: a host that fails is said at once and the others go on; the
     * first host whose stream ends by itself (its --count or --timeout) ends the others'. Ctrl-C ends them all.
     */
    private static List<FleetCommand.HostAnswer> streamFromEach(Invocation run, List<String> uris,
                                                                HypervisorCommand command, FleetCommand fleet) {
        ExecutorService pool = pool(uris.size());
        ExecutorCompletionService<FleetCommand.HostAnswer> done = new ExecutorCompletionService<>(pool);
        Map<Future<FleetCommand.HostAnswer>, String> pending = new LinkedHashMap<>();
        Map<String, FleetCommand.HostAnswer> answers = new HashMap<>();
        return waitingOn(pool, () -> {
            for (String uri : uris) {
                pending.put(done.submit(() -> answer(run, uri, command.connectOptions(), fleet::executeOn)), uri);
            }
            while (!pending.isEmpty()) {
                Future<FleetCommand.HostAnswer> next = done.take();
                pending.remove(next);
                FleetCommand.HostAnswer answer = next.get();
                answers.put(answer.uri(), answer);
                if (!answer.answered()) {
                    reportFailures(run, List.of(answer));
                } else {
                    // Its stream ended by itself: the others' end too, stopped rather than failed.
                    pending.forEach((future, uri) -> {
                        future.cancel(true);
                        answers.put(uri, new FleetCommand.HostAnswer(uri, null, null));
                    });
                    pending.clear();
                }
            }
            return uris.stream().map(answers::get).toList();
        });
    }

    /**
     * The one host of the fleet that has {@code domain} (a name, id or UUID), asked of every host at once: what a
     * verb that names a domain runs on. None: not found, naming the hosts that did not answer; several: ambiguous.
     * A host that did not answer may have it too: a change is then refused rather than risked on a namesake, and a
     * reading goes on with a warning.
     */
    static String hostOf(Invocation run, String domain, List<String> uris, boolean changes) {
        List<FleetCommand.HostAnswer> answers = onEach(run, uris, ConnectOptions.READ_ONLY, (session, uri) -> {
            session.hypervisor().lookup(DomainRef.of(domain));
            return null;
        });
        List<String> having = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (FleetCommand.HostAnswer answer : answers) {
            if (answer.answered()) {
                having.add(answer.uri());
            } else if (answer.failure().code() != ErrorCode.DOMAIN_NOT_FOUND) {
                silent.add(answer.uri() + " (" + answer.failure().getMessage() + ")");
            }
        }
        if (having.size() > 1) {
            throw new XenctlException(ErrorCode.AMBIGUOUS_DOMAIN, "domain '" + domain + "' is on "
                    + having.size() + " hosts: " + String.join(", ", having), "name the host with one -c URI");
        }
        if (having.isEmpty()) {
            throw new XenctlException(ErrorCode.DOMAIN_NOT_FOUND, "domain '" + domain + "' not found on any of the "
                    + uris.size() + " hosts" + (silent.isEmpty() ? "" : "; not asked: " + String.join(", ", silent)),
                    "xenctl -H GROUP list --all shows the domains of every host");
        }
        if (!silent.isEmpty()) {
            String which = "domain '" + domain + "' is on " + having.get(0) + ", and " + silent.size() + " host(s) "
                    + "did not answer: " + String.join(", ", silent);
            if (changes) {
                throw new XenctlException(ErrorCode.CONNECT_FAILED, "cannot tell which host has it: " + which,
                        "name the host with one -c URI");
            }
            run.err().println("xenctl: warning: " + which);
            run.err().flush();
        }
        return having.get(0);
    }

    /** {@code work} on a session of each host, concurrently; each host's answer, in the order of {@code uris}. */
    private static List<FleetCommand.HostAnswer> onEach(Invocation run, List<String> uris, ConnectOptions options,
                                                        BiFunction<Session, String, View> work) {
        ExecutorService pool = pool(uris.size());
        return waitingOn(pool, () -> {
            List<Future<FleetCommand.HostAnswer>> pending = new ArrayList<>(uris.size());
            for (String uri : uris) {
                pending.add(pool.submit(() -> answer(run, uri, options, work)));
            }
            List<FleetCommand.HostAnswer> answers = new ArrayList<>(uris.size());
            for (Future<FleetCommand.HostAnswer> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        });
    }

    /** What the main thread waits for on the hosts' threads. */
    interface HostsWork<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    /** {@code work}, then the pool's threads stopped; Ctrl-C (the main thread interrupted) stops every host. */
    private static <T> T waitingOn(ExecutorService pool, HostsWork<T> work) {
        try {
            return waitFor(work);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code work}; Ctrl-C (the main thread interrupted while it waits) is INTERRUPTED. */
    static <T> T waitFor(HostsWork<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XenctlException(ErrorCode.INTERRUPTED, "interrupted");
        } catch (ExecutionException e) {
            throw ErrorReporter.asFailure(e.getCause());
        }
    }

    static ExecutorService pool(int hosts) {
        return Executors.newFixedThreadPool(Math.min(PARALLEL, hosts), task -> {
            Thread thread = new Thread(task, "xenctl-host");
            thread.setDaemon(true);  // a host that hangs past the connect timeout never holds the process
            return thread;
        });
    }

    private static FleetCommand.HostAnswer answer(Invocation run, String uri, ConnectOptions options,
                                                  BiFunction<Session, String, View> work) {
        try (Session session = run.context().sessions().open(uri, options)) {
            return new FleetCommand.HostAnswer(uri, work.apply(session, uri), null);
        } catch (RuntimeException e) {
            return new FleetCommand.HostAnswer(uri, null, ErrorReporter.asFailure(e));
        }
    }

    /** In text, each host that did not answer on stderr; JSON carries them in the result. */
    static void reportFailures(Invocation run, List<FleetCommand.HostAnswer> answers) {
        if (run.output() != OutputFormat.TEXT) {
            return;
        }
        for (FleetCommand.HostAnswer answer : answers) {
            if (!answer.answered()) {
                run.err().println("xenctl: error: " + answer.uri() + ": " + answer.failure().getMessage());
            }
        }
        run.err().flush();
    }
}
