package org.xenctl.cli;

import java.util.List;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.pci.AssignableRecords;
import org.xenctl.host.pci.DomainPciUse;
import org.xenctl.host.pci.PciAddress;
import org.xenctl.host.pci.PciBinder;
import org.xenctl.domain.ConnectOptions;
import org.xenctl.render.View;
import org.xenctl.render.view.PciChangesView;

final class PciAssignableRemoveCommand extends HypervisorCommand {
    boolean rebind;
    String device;

    /** Locally libvirt is only asked which domains hold the device; remotely it also gives the device back. */

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("-r", "rebind it to its driver from before (recorded by pci-assignable-add)", v -> rebind = v)
                .parameter("0", "BDF|NAME", String.class, "the device, by address or by its pci-assignable-add -n "
                        + "name", v -> device = v);
    }

    @Override
    ConnectOptions connectOptions() {
        return LocalHostOnly.isLocal(invocation().connect()) ? ConnectOptions.READ_ONLY : ConnectOptions.READ_WRITE;
    }

    @Override
    View execute(Session session) {
        boolean local = LocalHostOnly.isLocal(invocation().connect());
        PciAddress address = local ? resolve() : PciAddresses.parse(List.of(device)).get(0);
        String holder = DomainPciUse.read(session.hypervisor()).get(address);
        if (holder != null) {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, address + " is assigned to domain " + holder,
                    "pci-detach " + holder + " " + address + " first");
        }
        if (!local) {
            return new PciChangesView(List.of(RemotePciHost.read(session, invocation().connect()).release(address, rebind)));
        }
        PciBinder.Outcome outcome = PciBinders.local(invocation().context()).release(address, rebind);
        return new PciChangesView(List.of(new PciChangesView.Change(address.toString(), outcome.changed(),
                outcome.driverBefore(), outcome.driverAfter(), null, false, message(outcome))));
    }

    private PciAddress resolve() {
        PciAddress address = PciAddress.parseOrNull(device);
        if (address != null) {
            return address;
        }
        return new AssignableRecords(invocation().context().hostRoot()).findByName(device)
                .map(AssignableRecords.Assignable::address)
                .orElseThrow(() -> new XenctlException(ErrorCode.DEVICE_NOT_FOUND, "no device is named '" + device
                        + "'", "pci-assignable-list -n shows the names; or give the address (DDDD:BB:SS.F)"));
    }

    private String message(PciBinder.Outcome outcome) {
        if (outcome.driverAfter() != null && !outcome.driverAfter().equals("pciback")) {
            return outcome.address() + (outcome.changed() ? " is back on " : " is on ") + outcome.driverAfter();
        }
        if (!outcome.changed()) {
            return outcome.address() + " was not assignable: nothing to do";
        }
        return outcome.address() + " is unbound from pciback, on no driver"
                + (rebind ? "" : " (pci-assignable-remove -r gives it back to its driver from before)");
    }
}
