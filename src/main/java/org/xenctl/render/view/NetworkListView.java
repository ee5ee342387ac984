package org.xenctl.render.view;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.render.Table;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * network-list: each domain's network interfaces, as the running domain has them ({@code source} "live") or its
 * definition ("config"). xl's Idx and Mac Addr. columns, then what libvirt tells instead of xenstore's ring
 * references: the bridge, the backend's interface name and the model.
 */
public record NetworkListView(List<DomainNics> domains) implements View {

    public record DomainNics(String domain, String source, List<Nic> nics) { }

    /** @param index the interface's place in libvirt's list (libxl's devid, unless an earlier one was detached) */
    public record Nic(int index, String mac, String bridge, String ifname, String model, String backend) { }

    @Override
    public void writeText(TextOutput out) {
        boolean several = domains.size() > 1;
        Table table = new Table();
        if (several) {
            table.column("Domain", Table.Align.LEFT);
        }
        table.column("Idx", Table.Align.RIGHT).column("BE", Table.Align.LEFT).column("Mac Addr.", Table.Align.LEFT)
                .column("Bridge", Table.Align.LEFT).column("Vifname", Table.Align.LEFT)
                .column("Model", Table.Align.LEFT);
        for (DomainNics domain : domains) {
            for (Nic nic : domain.nics()) {
                List<Object> row = new ArrayList<>(List.of(nic.index(), nic.backend() == null ? "0" : nic.backend(),
                        dash(nic.mac()), dash(nic.bridge()), dash(nic.ifname()), dash(nic.model())));
                if (several) {
                    row.add(0, domain.domain());
                }
                table.row(row.toArray());
            }
        }
        table.write(out.writer(), out.headers());
    }

    static String dash(String value) {
        return value == null ? "-" : value;
    }
}
