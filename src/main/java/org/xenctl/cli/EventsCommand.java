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

final class EventsCommand extends HypervisorCommand {
    List<String> domains = new ArrayList<>();
    final WaitOptions waitOptions = WaitOptions.always("stop after S seconds (exit 0)");
    Integer count;

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
        if (count != null && count < 1) {
            throw new XenctlException(ErrorCode.USAGE, "--count must be at least 1, not " + count, null);
        }
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
        AtomicInteger printed = new AtomicInteger();
        session.hypervisor().streamEvents(wanted, waitOptions.timeout(), event -> {
            renderNow(EventView.of(event));  // the renderer flushes: each event is out as it happens
            int seen = printed.incrementAndGet();
            return count == null || seen < count;
        });
        boolean reached = count != null && printed.get() >= count;
        return new EventsEndView(printed.get(), reached ? "count" : "timeout");
    }
}
