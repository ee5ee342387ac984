package org.xenctl.render.view;

import java.util.List;

import org.xenctl.host.pci.HostPci;
import org.xenctl.render.JsonShaped;
import org.xenctl.render.Table;
import org.xenctl.render.Table.Align;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * pci-assignable-list: the devices on pciback (and those recorded by xenctl that are not, now). Its text is xl's,
 * one address per line (and the name with -n), for the scripts that read xl's; {@code --long} gives the table.
 */
public record PciAssignableListView(String domainsNotRead, List<PciDeviceView> devices, List<String> damagedRecords,
                                    boolean names,
                                    boolean longForm) implements View, JsonShaped {

    public static PciAssignableListView of(HostPci.Listing listing, boolean names, boolean longForm) {
        return new PciAssignableListView(listing.domainsNotRead(), PciDeviceView.of(listing.devices()),
                listing.damagedRecords(), names, longForm);
    }

    /** The JSON form: the devices, not how the text shows them. */
    public record Json(String domainsNotRead, List<PciDeviceView> devices, List<String> damagedRecords) { }

    @Override
    public Json json() {
        return new Json(domainsNotRead, devices, damagedRecords);
    }

    @Override
    public void writeText(TextOutput out) {
        if (!longForm) {
            for (PciDeviceView d : devices) {
                if (d.driver() != null && d.driver().equals("pciback")) {
                    out.line(d.address() + (names && d.name() != null ? " " + d.name() : ""));
                }
            }
            return;
        }
        Table table = new Table()
                .column("Address", Align.LEFT)
                .column("Name", Align.LEFT)
                .column("State", Align.LEFT)
                .column("Restore", Align.LEFT)
                .column("Persistent", Align.LEFT)
                .column("Description", Align.LEFT);
        for (PciDeviceView d : devices) {
            table.row(d.address(), d.name(), PciHostListView.stateText(d), d.driverToRestore(),
                    d.persistent() ? "yes" : "no", d.description());
        }
        out.table(table);
        if (domainsNotRead != null) {
            out.note("which domains have the devices is unknown: " + domainsNotRead);
        }
        // Not in the short form, whose lines are xl's (scripts read them): there, JSON and pci-restore say it.
        damagedRecords.forEach(damaged -> out.note("xenctl's record of " + damaged));
    }
}
