package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.VcpuPlacement;
import org.xenctl.render.View;
import org.xenctl.render.view.VcpuListView;

/** vcpu-list (xl's): each vCPU of the named domains, or of every running one, with where it runs and may run. */
final class VcpuListCommand extends HypervisorCommand {
    boolean config;
    List<String> domains = new ArrayList<>();

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("--config", "the persistent definitions, not the running domains", v -> config = v)
                .parameters("0..*", "0..*", "DOMAIN", "name, id or uuid (default: every running domain)",
                        () -> domains, v -> domains = v);
    }

    @Override
    View execute(Session session) {
        Hypervisor hypervisor = session.hypervisor();
        List<DomainSummary> chosen = new ArrayList<>();
        if (domains.isEmpty()) {
            chosen.addAll(hypervisor.list(false));
        } else {
            for (String domain : domains) {
                chosen.add(hypervisor.lookup(DomainRef.of(domain)));
            }
        }
        List<VcpuListView.Vcpu> rows = new ArrayList<>();
        for (DomainSummary summary : chosen) {
            DomainDetails details = hypervisor.details(summary);
            boolean inactive = config || !details.summary().isActive();
            for (VcpuPlacement vcpu : hypervisor.vcpus(summary.uuid(), inactive)) {
                rows.add(new VcpuListView.Vcpu(summary.name(), summary.isActive() ? summary.id() : null,
                        inactive ? "config" : "live", vcpu.vcpu(), vcpu.cpu(), vcpu.state(),
                        vcpu.cpuTimeNs(), vcpu.affinity().toString()));
            }
        }
        return new VcpuListView(rows);
    }
}
