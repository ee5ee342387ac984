package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;
import org.xenctl.render.view.DomainListView;

final class ListCommand extends HypervisorCommand {
    boolean all;
    List<String> domains = new ArrayList<>();

    @Override
    Declaration declare() {
        return Declaration.command(this, "list", "List domains: the running ones, every one with --all, or the ones "
                        + "named. One bulk libvirt call, however many domains.")
                .aliases("ls")
                .flag("-a|--all", "include domains that are shut off", v -> all = v)
                .parameters("0..*", "0..*", "DOMAIN", "name, id or uuid", () -> domains, v -> domains = v);
    }

    @Override
    ConnectOptions connectOptions() {
        return ConnectOptions.READ_ONLY;
    }

    @Override
    View execute(Session session) {
        List<DomainSummary> found = domains.isEmpty()
                ? session.hypervisor().list(all)
                : session.hypervisor().summaries(domains.stream().map(DomainRef::of).toList());
        return new DomainListView(found.stream().map(Views::row).toList());
    }
}
