package org.xenctl.render.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xenctl.render.JsonShaped;
import org.xenctl.render.Table;
import org.xenctl.render.TextOutput;

/**
 * `pci-host-list` over several hosts: every host's PCI functions in one table with the host first (a remote host's
 * through libvirt's node devices, as for one host), and in JSON each host's listing or its error.
 *
 * @param hosts every host in the order named
 */
public record FleetPciHostListView(List<Host<PciHostListView>> hosts) implements FleetView, JsonShaped {

    @Override
    public void writeText(TextOutput out) {
        Table table = new Table()
                .column("Host", Table.Align.LEFT)
                .column("Address", Table.Align.LEFT)
                .column("IDs", Table.Align.LEFT)
                .column("Driver", Table.Align.LEFT)
                .column("State", Table.Align.LEFT)
                .column("Group", Table.Align.RIGHT)
                .column("Description", Table.Align.LEFT);
        for (Host<PciHostListView> host : hosts) {
            if (host.result() == null) {
                continue;
            }
            for (PciDeviceView d : host.result().devices()) {
                table.row(host.uri(), d.address(), d.ids(), d.driver(),
                        d.bridge() ? "bridge" : PciHostListView.stateText(d), d.iommuGroup(), d.description());
            }
        }
        out.table(table);
    }

    /** {"hosts": [{"uri", "answered", "listing" (pci-host-list's object) | "error"}, …]}. */
    @Override
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hosts", FleetView.hostsJson(hosts, "listing", listing -> listing));
        return json;
    }
}
