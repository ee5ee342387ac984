package org.xenctl.render.view;

import java.util.List;

import org.xenctl.host.pci.HostPci;
import org.xenctl.render.Table;
import org.xenctl.render.Table.Align;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * pci-host-list: the dom0's PCI functions, and whether xen-pciback is loaded.
 *
 * @param source        "sysfs" (the dom0's own, read locally) or "libvirt" (a remote host's node-device API, which
 *                      reports no reset methods, dom0 use or pciback presence: those are null)
 * @param pcibackLoaded whether xen-pciback is loaded, or null when unknown
 * @param domainsNotRead why the running domains' devices could not be read (libvirtd down…), or null
 * @param damagedRecords xenctl's records that cannot be read ("ADDRESS: FILE cannot be read (why)"), kept as they are
 */
public record PciHostListView(String source, Boolean pcibackLoaded, String domainsNotRead, List<PciDeviceView> devices,
                              List<String> damagedRecords) implements View {

    public static PciHostListView of(HostPci.Listing listing) {
        return new PciHostListView(listing.source(), listing.pcibackLoaded(), listing.domainsNotRead(),
                PciDeviceView.of(listing.devices()), listing.damagedRecords());
    }

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
                    d.resetMethods() == null ? "?" : d.resetMethods().isEmpty() ? "none"
                            : String.join(",", d.resetMethods()),
                    d.dom0Uses() == null ? "?" : d.dom0Uses().isEmpty() ? "-" : "in use", d.description());
        }
        out.table(table);
        if (Boolean.FALSE.equals(pcibackLoaded)) {
            out.note("xen-pciback is not loaded: no device can be made assignable (modprobe xen-pciback).");
        }
        if (source.equals("libvirt")) {
            out.note("read through libvirt: reset methods and dom0's use of each device (?) are known on the dom0 "
                    + "only (xenctl pci-check there)");
        }
        if (domainsNotRead != null) {
            out.note("which domains have the assignable devices is unknown: " + domainsNotRead);
        }
        damagedRecords.forEach(damaged -> out.note("xenctl's record of " + damaged));
    }

    /** "assigned to web1", "pending-at-next-boot"… */
    static String stateText(PciDeviceView d) {
        return d.domain() == null ? d.state() : d.state() + " to " + d.domain();
    }
}
