package org.xenctl.cli;

import java.util.List;

import org.xenctl.domain.PciAddress;
import org.xenctl.host.pci.PciBinder;
import org.xenctl.render.View;
import org.xenctl.render.view.PciChangesView;

final class PciAssignableAddCommand extends PciHostCommand {
    String name;
    boolean persistent;
    boolean withGroup;
    boolean force;
    String address;

    @Override
    void declare(Declaration declaration) {
        declaration
                .option("-n|--name", "NAME", String.class, "a name for it, usable instead of the address by "
                        + "pci-assignable-remove and in pci= (name=NAME)", v -> name = v)
                .flag("--persistent", "make it assignable again at every boot (pci-restore, run by the "
                        + "xenctl-pci-restore systemd unit)", v -> persistent = v)
                .flag("--with-group", "also make assignable the other endpoints of its IOMMU group, which a guest "
                        + "can only have together", v -> withGroup = v)
                .flag("--force", "take it even if dom0 uses it or it has no reset method (never a bridge)",
                        v -> force = v)
                .parameter("0", "BDF", String.class, "the device (DDDD:BB:SS.F)", v -> address = v);
    }

    @Override
    View execute(Session session) {
        PciAddress device = PciAddresses.parse(List.of(address)).get(0);
        return PciChangesView.of(PciHosts.of(invocation(), session)
                .makeAssignable(device, new PciBinder.Options(name, force, withGroup, persistent)));
    }
}
