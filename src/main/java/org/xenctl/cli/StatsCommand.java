package org.xenctl.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSample;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.OutputFormat;
import org.xenctl.render.View;
import org.xenctl.render.view.StatsEndView;
import org.xenctl.render.view.StatsView;

/**
 * stats (xentop's figures): the running domains' CPU, memory, vCPUs and network and block I/O rates, every interval,
 * computed from two readings of libvirt's counters; a refreshing table on a terminal, JSON lines for scripts.
 */
final class StatsCommand extends HypervisorCommand {
    List<String> domains = new ArrayList<>();
    Duration interval = Duration.ofSeconds(1);
    Integer count;

    @Override
    void declare(Declaration declaration) {
        declaration
                .parameters("0..*", "0..*", "DOMAIN", "only these domains (default: every running one)",
                        () -> domains, v -> domains = v)
                .option("-i|--interval", "S", Duration.class, new Seconds(), "seconds between readings (default 1)",
                        v -> interval = v)
                .option("-n|--count", "N", Integer.class, "stop after N intervals (default: until Ctrl-C)",
                        v -> count = v);
    }

    @Override
    boolean streams() {
        return true;
    }

    @Override
    View execute(Session session) {
        if (count != null && count < 1) {
            throw new XenctlException(ErrorCode.USAGE, "--count must be at least 1, not " + count, null);
        }
        if (interval.toMillis() < 100) {
            throw new XenctlException(ErrorCode.USAGE, "--interval must be at least 0.1 s", null);
        }
        Hypervisor hypervisor = session.hypervisor();
        List<String> uuids = new ArrayList<>();
        for (String domain : domains) {
            uuids.add(hypervisor.lookup(DomainRef.of(domain)).uuid());
        }
        boolean terminal = invocation().output() == OutputFormat.TEXT && System.console() != null;
        Map<String, DomainSample> before = byUuid(hypervisor.sample(uuids));
        int intervals = 0;
        while (count == null || intervals < count) {
            try {
                hypervisor.idle(interval);
            } catch (XenctlException e) {
                if (e.code() == ErrorCode.INTERRUPTED) {
                    throw new XenctlException(ErrorCode.INTERRUPTED, "stopped after " + intervals + " intervals");
                }
                throw e;
            }
            List<DomainSample> now = hypervisor.sample(uuids);
            String time = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            List<StatsView.Row> rows = new ArrayList<>();
            for (DomainSample sample : now) {
                rows.add(row(time, before.get(sample.uuid()), sample));
            }
            if (invocation().output() == OutputFormat.JSON) {
                rows.forEach(this::renderNow);
            } else {
                renderNow(new StatsView(time, rows, terminal));
            }
            before = byUuid(now);
            intervals++;
        }
        return new StatsEndView(intervals);
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

    private static Map<String, DomainSample> byUuid(List<DomainSample> samples) {
        Map<String, DomainSample> map = new HashMap<>();
        for (DomainSample sample : samples) {
            map.put(sample.uuid(), sample);
        }
        return map;
    }
}
