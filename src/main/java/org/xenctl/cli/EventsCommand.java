package org.xenctl.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;
import org.xenctl.render.view.EventView;
import org.xenctl.render.view.EventsEndView;
import org.xenctl.render.view.FleetEventsEndView;
import org.xenctl.render.view.FleetView;
import org.xenctl.render.view.HostEventView;

/**
 * events: lifecycle events as they happen, one line each; over several hosts, every host's at once, each line with
 * its host, until the count in all or the timeout.
 */
final class EventsCommand extends HypervisorCommand implements FleetCommand {
    List<String> domains = new ArrayList<>();
    final WaitOptions waitOptions = WaitOptions.always("stop after S seconds (exit 0)");
    Integer count;
    /** Printed in all: over several hosts, every host's stream counts toward --count. */
    private final AtomicInteger printed = new AtomicInteger();

    @Override
    void declare(Declaration declaration) {
        declaration
                .parameters("0..*", "0..*", "DOMAIN", "only these domains (name, id or uuid; a name that does not "
                        + "exist yet is watched for)", () -> domains, v -> domains = v)
                .with(waitOptions)
                .option("-n|--count", "N", Integer.class, "stop after N events", v -> count = v);
    }

    @Override
    boolean streams() {
        return true;
    }

    @Override
    View execute(Session session) {
        return executeOn(session, null);
    }

    @Override
    void checkOptions() {
        if (count != null && count < 1) {
            throw new XenctlException(ErrorCode.USAGE, "--count must be at least 1, not " + count, null);
        }
    }

    /** @param host the URI each line names, over several hosts; null on one */
    @Override
    public View executeOn(Session session, String host) {
        Set<String> wanted = new HashSet<>();
        for (String domain : domains) {
            wanted.add(domain);
            try {
                DomainSummary known = session.hypervisor().lookup(DomainRef.of(domain));
                wanted.add(known.uuid());
                wanted.add(known.name());
            } catch (XenctlException e) {
                if (e.code() != ErrorCode.DOMAIN_NOT_FOUND) {
                    throw e;
                }
            }
        }
        session.hypervisor().streamEvents(wanted, waitOptions.timeout(), event -> {
            synchronized (printed) {
                if (count != null && printed.get() >= count) {
                    return false;  // another host's event reached the count first
                }
                EventView line = EventView.of(event);
                renderNow(host == null ? line : new HostEventView(host, line));  // flushed: out as it happens
                return count == null || printed.incrementAndGet() < count;
            }
        });
        return end();
    }

    private EventsEndView end() {
        boolean reached = count != null && printed.get() >= count;
        return new EventsEndView(printed.get(), reached ? "count" : "timeout");
    }

    @Override
    public View merge(List<HostAnswer> answers) {
        EventsEndView end = end();
        return new FleetEventsEndView(end.events(), end.ended(), answers.stream().map(answer ->
                new FleetView.Host<Void>(answer.uri(), null, answer.answered() ? null
                        : ErrorReporter.errorView(answer.failure()).error())).toList());
    }
}
