package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.DomainSummary.Detail;
import org.xenctl.render.View;
import org.xenctl.render.view.DomainListView;
import org.xenctl.render.view.DomainRow;
import org.xenctl.render.view.FleetListView;
import org.xenctl.render.view.FleetView;
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
    public View executeOn(Session session, String uri) {
        return execute(session);
    }

    @Override
    public View merge(List<HostAnswer> answers) {
        return new FleetListView(answers.stream().map(answer -> new FleetView.Host<>(answer.uri(),
                answer.answered() ? ((DomainListView) answer.view()).domains() : List.<DomainRow>of(),
                answer.answered() ? null : ErrorReporter.errorView(answer.failure()).error())).toList(), columns);
    }
}
