package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainDetails.NetworkDevice;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.Hypervisor;
import org.xenctl.render.View;
import org.xenctl.render.view.NetworkListView;

final class NetworkListCommand extends HypervisorCommand {
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
        List<NetworkListView.DomainNics> listed = new ArrayList<>();
        for (String domain : domains) {
            DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
            boolean inactive = config || !target.summary().isActive();
            List<NetworkDevice> nics = hypervisor.devices(target.summary().uuid(), inactive).nics();
            List<NetworkListView.Nic> rows = new ArrayList<>();
            for (int i = 0; i < nics.size(); i++) {
                NetworkDevice nic = nics.get(i);
                rows.add(new NetworkListView.Nic(i, orNull(nic.mac()), orNull(nic.source()), orNull(nic.ifname()),
                        orNull(nic.model()), nic.backend()));
            }
            listed.add(new NetworkListView.DomainNics(target.summary().name(), inactive ? "config" : "live", rows));
        }
        return new NetworkListView(listed);
    }

    /** The domain XML reader's "" for an absent attribute, as JSON's null and the table's "-". */
    private static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
