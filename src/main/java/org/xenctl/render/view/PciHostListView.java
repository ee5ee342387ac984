package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.Table;
import org.xenctl.render.Table.Align;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * pci-host-list: the dom0's PCI functions, and whether xen-pciback is loaded.
 *
 * @param domainsNotRead why the running domains' devices could not be read (libvirtd down…), or null
 */
public record PciHostListView(boolean pcibackLoaded, String domainsNotRead, List<PciDeviceView> devices)
        implements View {

    @Override
    public void writeText(TextOutput out) {
        Table table = new Table()
                .column("Address", Align.LEFT)
                .column("IDs", Align.LEFT)
                .column("Driver", Align.LEFT)
                .column("State", Align.LEFT)
                .column("Group", Align.RIGHT)
                .column("Reset", Align.LEFT)
                .column("Dom0", Align.LEFT)
                .column("Description", Align.LEFT);
        for (PciDeviceView d : devices) {
            table.row(d.address(), d.ids(), d.driver(), d.bridge() ? "bridge" : stateText(d), d.iommuGroup(),
                    d.resetMethods().isEmpty() ? "none" : String.join(",", d.resetMethods()),
                    d.dom0Uses().isEmpty() ? "-" : "in use", d.description());
        }
        out.table(table);
        if (!pcibackLoaded) {
            out.note("xen-pciback is not loaded: no device can be made assignable (modprobe xen-pciback).");
        }
        if (domainsNotRead != null) {
            out.note("which domains have the assignable devices is unknown: " + domainsNotRead);
        }
    }

    /** "assigned to web1", "pending-at-next-boot"… */
    static String stateText(PciDeviceView d) {
        return d.domain() == null ? d.state() : d.state() + " to " + d.domain();
    }
}
