package org.xenctl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.xenctl.domain.ConnectOptions;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.view.FleetView;

/**
 * Sessions kept open on several hosts for a verb that asks them again and again (stats): every host is asked at
 * once, each on a thread of the pool, and a host that fails (at the start or on the way) is said once, in text on
 * stderr as soon as it fails, and asked no more, never the end of the others. Closing closes every session.
 */
final class FleetSessions implements AutoCloseable {
    private final Invocation run;
    private final ExecutorService pool;
    /** The hosts still answering, in the order named. */
    private final Map<String, Session> open = new LinkedHashMap<>();
    /** Every host in the order named, with why it stopped answering (null while it answers). */
    private final Map<String, XenctlException> failures = new LinkedHashMap<>();

    private FleetSessions(Invocation run, List<String> uris) {
        this.run = run;
        this.pool = FleetRun.pool(uris.size());
        uris.forEach(uri -> failures.put(uri, null));
    }

    /** Opens a session on every host at once, each bounded by the connect timeout. */
    static FleetSessions open(Invocation run, List<String> uris, ConnectOptions options) {
        FleetSessions hosts = new FleetSessions(run, uris);
        try {
            Map<String, Session> opened = hosts.onEach(uris, uri -> run.context().sessions().open(uri, options));
            hosts.open.putAll(opened);
        } catch (RuntimeException e) {
            hosts.close();
            throw e;
        }
        return hosts;
    }

    /** {@code work} on every host still answering, at once; what each answered, in the order named. */
    <T> Map<String, T> ask(Function<Session, T> work) {
        Map<String, T> answers = onEach(List.copyOf(open.keySet()), uri -> work.apply(open.get(uri)));
        open.keySet().retainAll(answers.keySet());
        return answers;
    }

    /** Whether some host still answers. */
    boolean anyOpen() {
        return !open.isEmpty();
    }

    /** A session of a host that still answers (for what is process-wide, such as libvirt's event loop). */
    Session anyOpenSession() {
        return open.values().iterator().next();
    }

    /** Every host in the order named: answered when it answered throughout, else why it stopped. */
    List<FleetView.Host<Void>> hosts() {
        List<FleetView.Host<Void>> hosts = new ArrayList<>(failures.size());
        failures.forEach((uri, failure) -> hosts.add(new FleetView.Host<>(uri, null,
                failure == null ? null : ErrorReporter.errorView(failure).error())));
        return hosts;
    }

    /**
     * {@code work} for each of {@code uris} on the pool; the hosts whose work failed are recorded, said and left
     * out of the answers (their session, if any, closed).
     */
    private <T> Map<String, T> onEach(List<String> uris, Function<String, T> work) {
        return FleetRun.waitFor(() -> {
            Map<String, Future<T>> pending = new LinkedHashMap<>();
            for (String uri : uris) {
                pending.put(uri, pool.submit(() -> work.apply(uri)));
            }
            Map<String, T> answers = new LinkedHashMap<>();
            List<FleetCommand.HostAnswer> lost = new ArrayList<>();
            for (Map.Entry<String, Future<T>> entry : pending.entrySet()) {
                try {
                    answers.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    XenctlException failure = ErrorReporter.asFailure(e.getCause());
                    failures.put(entry.getKey(), failure);
                    lost.add(new FleetCommand.HostAnswer(entry.getKey(), null, failure));
                    Session session = open.remove(entry.getKey());
                    if (session != null) {
                        session.close();
                    }
                }
            }
            FleetRun.reportFailures(run, lost);
            return answers;
        });
    }

    @Override
    public void close() {
        try {
            open.values().forEach(Session::close);
            open.clear();
        } finally {
            pool.shutdownNow();
        }
    }
}
