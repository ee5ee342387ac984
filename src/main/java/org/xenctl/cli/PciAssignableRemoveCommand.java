package org.xenctl.cli;

import java.util.List;

import org.xenctl.domain.PciAddress;
import org.xenctl.host.pci.HostPci;
import org.xenctl.render.View;
import org.xenctl.render.view.PciChangesView;

final class PciAssignableRemoveCommand extends PciHostCommand {
    boolean rebind;
    String device;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("-r", "rebind it to its driver from before (recorded by pci-assignable-add)", v -> rebind = v)
                .parameter("0", "BDF|NAME", String.class, "the device, by address or by its pci-assignable-add -n "
                        + "name", v -> device = v);
    }

    @Override
    View execute(Session session) {
        HostPci host = PciHosts.of(invocation(), session);
        PciAddress address = PciAddress.parseOrNull(device);
        if (address == null) {
            address = invocation().reachesThisMachine() ? host.byName(device)
                    : PciAddresses.parse(List.of(device)).get(0);
        }
        return PciChangesView.of(List.of(host.release(address, rebind)));
    }
}
