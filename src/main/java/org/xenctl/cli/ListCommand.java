package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.DomainSummary.Detail;
import org.xenctl.render.View;
import org.xenctl.render.view.DomainListView;
import org.xenctl.render.view.FleetListView;
import org.xenctl.render.view.ListColumn;

final class ListCommand extends HypervisorCommand implements FleetCommand {
    boolean all;
    List<ListColumn> columns = List.of();
    List<String> domains = new ArrayList<>();

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("-a|--all", "include domains that are shut off", v -> all = v)
                .option("--columns", "COLS", ListColumns.class, new ListColumns.Converter(),
                        "only these columns, in this order, in the table and in JSON: " + ListColumns.KNOWN
                                + " (without mem, maxmem, vcpus and time, never a call per domain where the driver "
                                + "has bulk statistics)", v -> columns = v.columns())
                .parameters("0..*", "0..*", "DOMAIN", "name, id or uuid", () -> domains, v -> domains = v);
    }

    @Override
    View execute(Session session) {
        Detail detail = columns.isEmpty() || columns.stream().anyMatch(ListColumn::needsResources)
                ? Detail.RESOURCES : Detail.STATE;
        List<DomainSummary> found = domains.isEmpty()
                ? session.hypervisor().list(all, detail)
                : session.hypervisor().summaries(domains.stream().map(DomainRef::of).toList(), detail);
        return new DomainListView(found.stream().map(Views::row).toList(), columns);
    }

    @Override
    public View merge(List<HostAnswer> answers) {
        List<FleetListView.Host> hosts = new ArrayList<>(answers.size());
        for (HostAnswer answer : answers) {
            hosts.add(answer.answered()
                    ? new FleetListView.Host(answer.uri(), ((DomainListView) answer.view()).domains(), null)
                    : new FleetListView.Host(answer.uri(), List.of(), ErrorReporter.errorView(answer.failure())
                            .error()));
        }
        return new FleetListView(hosts, columns);
    }

    /** Over several hosts: 7 when some did not answer, 6 when none did. */
    @Override
    int exitStatus(View view) {
        if (view instanceof FleetListView fleet) {
            return fleet.noneAnswered() ? ExitStatus.HOST : fleet.partial() ? ExitStatus.PARTIAL : ExitStatus.OK;
        }
        return ExitStatus.OK;
    }
}
