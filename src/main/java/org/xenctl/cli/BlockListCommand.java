package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainDetails.DiskDevice;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.Hypervisor;
import org.xenctl.render.View;
import org.xenctl.render.view.BlockListView;

final class BlockListCommand extends HypervisorCommand {
    boolean config;
    List<String> domains = new ArrayList<>();

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("--config", "the persistent definitions, not the running domains", v -> config = v)
                .parameters("0..*", "1..*", "DOMAIN", "name, id or uuid", () -> domains, v -> domains = v);
    }

    @Override
    View execute(Session session) {
        Hypervisor hypervisor = session.hypervisor();
        List<BlockListView.DomainDisks> listed = new ArrayList<>();
        for (String domain : domains) {
            DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
            boolean inactive = config || !target.summary().isActive();
            List<BlockListView.Disk> rows = new ArrayList<>();
            for (DiskDevice disk : hypervisor.devices(target.summary().uuid(), inactive).disks()) {
                rows.add(new BlockListView.Disk(disk.target(), disk.device(), disk.readOnly() ? "ro" : "rw",
                        disk.source().isEmpty() ? null : disk.source(), disk.backend()));
            }
            listed.add(new BlockListView.DomainDisks(target.summary().name(), inactive ? "config" : "live", rows));
        }
        return new BlockListView(listed);
    }
}
