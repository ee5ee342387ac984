package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.View;
import org.xenctl.render.view.DomainListView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "list", aliases = "ls", description = "List domains: the running ones, every one with --all, or the "
        + "ones named. One bulk libvirt call, however many domains.")
final class ListCommand extends HypervisorCommand {
    @Option(names = {"-a", "--all"}, description = "include domains that are shut off")
    boolean all;

    @Parameters(paramLabel = "DOMAIN", arity = "0..*", description = "name, id or uuid")
    List<String> domains = new ArrayList<>();

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
