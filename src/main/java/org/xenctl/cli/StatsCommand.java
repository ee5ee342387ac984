package org.xenctl.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSample;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.OutputFormat;
import org.xenctl.render.View;
import org.xenctl.render.view.FleetStatsEndView;
import org.xenctl.render.view.StatsEndView;
import org.xenctl.render.view.StatsView;

/**
 * stats (xentop's figures): the running domains' CPU, memory, vCPUs and network and block I/O rates, every interval,
 * computed from two readings of libvirt's counters; a refreshing table on a terminal, JSON lines for scripts; over
 * several hosts, every host's domains in each interval, with their host.
 */
final class StatsCommand extends HypervisorCommand implements FleetRounds {
    List<String> domains = new ArrayList<>();
    Duration interval = Duration.ofSeconds(1);
    Integer count;

    @Override
    void declare(Declaration declaration) {
        declaration
                .parameters("0..*", "0..*", "DOMAIN", "only these domains (default: every running one)",
                        () -> domains, v -> domains = v)
                .option("-i|--interval", "S", Duration.class, Seconds.between(), "seconds between readings (default 1)",
                        v -> interval = v)
                .option("-n|--count", "N", Integer.class, "stop after N intervals (default: until Ctrl-C)",
                        v -> count = v);
    }

    @Override
    boolean streams() {
        return true;
    }

    @Override
    void checkOptions() {
        if (count != null && count < 1) {
            throw new XenctlException(ErrorCode.USAGE, "--count must be at least 1, not " + count, null);
        }
        if (interval.toMillis() < 100) {
            throw new XenctlException(ErrorCode.USAGE, "--interval must be at least 0.1 s", null);
        }
    }

    @Override
    View execute(Session session) {
        Hypervisor hypervisor = session.hypervisor();
        List<String> uuids = new ArrayList<>();
        for (String domain : domains) {
            uuids.add(hypervisor.lookup(DomainRef.of(domain)).uuid());
        }
        // One host: no line names it (a null host).
        return new StatsEndView(rounds(() -> Collections.singletonMap(null, hypervisor.sample(uuids)),
                hypervisor::idle));
    }

    /**
     * Every host's running domains in each interval's one table (JSON: each line with its host), each host asked
     * at once over a session kept open; a host that stops answering is said and left out of the later intervals.
     */
    @Override
    public View executeOnAll(List<String> uris) {
        if (!domains.isEmpty()) {
            throw new XenctlException(ErrorCode.USAGE, "stats over several hosts shows every running domain of each",
                    "name domains with one -c URI");
        }
        try (FleetSessions hosts = FleetSessions.open(invocation(), uris, connectOptions())) {
            int intervals = hosts.anyOpen() ? rounds(() -> hosts.ask(session -> session.hypervisor().sample(List.of())),
                    duration -> hosts.anyOpenSession().hypervisor().idle(duration)) : 0;
            return new FleetStatsEndView(intervals, hosts.hosts());
        }
    }

    /**
     * Reads, waits an interval, reads again and prints the rates, until --count or Ctrl-C, or until no host answers
     * any more; returns how many intervals were printed.
     *
     * @param read each host's samples (a null host over one), the hosts that answered only
     */
    private int rounds(Supplier<Map<String, List<DomainSample>>> read, Consumer<Duration> idle) {
        boolean terminal = invocation().output() == OutputFormat.TEXT && System.console() != null;
        Map<String, Map<String, DomainSample>> before = byHost(read.get());
        int intervals = 0;
        while (!before.isEmpty() && (count == null || intervals < count)) {
            Map<String, List<DomainSample>> now;
            try {
                idle.accept(interval);
                now = read.get();
            } catch (XenctlException e) {
                if (e.code() == ErrorCode.INTERRUPTED) {
                    throw new XenctlException(ErrorCode.INTERRUPTED, "stopped after " + intervals + " intervals");
                }
                throw e;
            }
            if (now.isEmpty()) {
                break;  // no host answers any more: each was said as it stopped
            }
            String time = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            List<StatsView.HostRow> rows = new ArrayList<>();
            for (Map.Entry<String, List<DomainSample>> host : now.entrySet()) {
                Map<String, DomainSample> earlier = before.getOrDefault(host.getKey(), Map.of());
                for (DomainSample sample : host.getValue()) {
                    rows.add(new StatsView.HostRow(host.getKey(), row(time, earlier.get(sample.uuid()), sample)));
                }
            }
            if (invocation().output() == OutputFormat.JSON) {
                rows.forEach(line -> renderNow(line.host() == null ? line.row() : line));
            } else {
                renderNow(new StatsView(time, rows, terminal));
            }
            before = byHost(now);
            intervals++;
        }
        return intervals;
    }

    /** The rates over the interval; a domain new since the last reading is measured from its start of the interval. */
    private static StatsView.Row row(String time, DomainSample before, DomainSample now) {
        boolean same = before != null && before.id() == now.id();
        double seconds = same ? (now.takenNanos() - before.takenNanos()) / 1e9 : 0;
        double cpuPercent = same && seconds > 0
                ? Math.max(0, now.cpuTimeNs() - before.cpuTimeNs()) / 1e9 / seconds * 100 : 0;
        return new StatsView.Row(time, now.name(), now.id(), now.state().label(), Math.round(cpuPercent * 10) / 10.0,
                now.cpuTimeNs(), now.memoryKiB(), now.maxMemoryKiB(), now.vcpus(),
                rate(same, seconds, before == null ? null : before.netRxBytes(), now.netRxBytes()),
                rate(same, seconds, before == null ? null : before.netTxBytes(), now.netTxBytes()),
                rate(same, seconds, before == null ? null : before.blockReadBytes(), now.blockReadBytes()),
                rate(same, seconds, before == null ? null : before.blockWriteBytes(), now.blockWriteBytes()),
                now.netRxBytes(), now.netTxBytes(), now.blockReadBytes(), now.blockWriteBytes());
    }

    private static Long rate(boolean same, double seconds, Long before, Long now) {
        if (now == null) {
            return null;
        }
        if (!same || before == null || seconds <= 0) {
            return 0L;
        }
        return Math.round(Math.max(0, now - before) / seconds);
    }

    /** Each host's samples by domain UUID (a null host over one). */
    private static Map<String, Map<String, DomainSample>> byHost(Map<String, List<DomainSample>> samples) {
        Map<String, Map<String, DomainSample>> hosts = new HashMap<>();
        samples.forEach((host, list) -> {
            Map<String, DomainSample> byUuid = new HashMap<>();
            for (DomainSample sample : list) {
                byUuid.put(sample.uuid(), sample);
            }
            hosts.put(host, byUuid);
        });
        return hosts;
    }
}
