package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * pci-list: a domain's host PCI devices, as the running domain has them ({@code source} "live") or as its
 * definition has them ("config"). The text is xl's: a "Vdev Device" header, then the guest slot and the address.
 */
public record PciDomainListView(String domain, String source, List<Device> devices) implements View {

    /** @param vslot the guest slot libvirt's XML gives, or null (xl's "-", libxl chose it) */
    public record Device(String address, Integer vslot, boolean managed, boolean permissive) { }

    @Override
    public void writeText(TextOutput out) {
        if (out.headers()) {
            out.line("Vdev Device");
        }
        for (Device device : devices) {
            out.line((device.vslot() == null ? "-" : String.format("%02x.0", device.vslot())) + " "
                    + device.address());
        }
    }
}
