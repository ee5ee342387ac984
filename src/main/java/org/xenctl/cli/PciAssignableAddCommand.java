package org.xenctl.cli;

import java.util.List;
import java.util.regex.Pattern;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.pci.AssignableRecords;
import org.xenctl.host.pci.PciAddress;
import org.xenctl.host.pci.PciBinder;
import org.xenctl.render.View;
import org.xenctl.render.view.PciChangesView;

final class PciAssignableAddCommand extends HypervisorCommand {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

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
    boolean needsSession() {
        return !LocalHostOnly.isLocal(invocation().connect());
    }

    @Override
    View execute(Session session) {
        PciAddress device = PciAddresses.parse(List.of(address)).get(0);
        if (session != null) {
            if (name != null || persistent) {
                throw new XenctlException(ErrorCode.UNSUPPORTED, "-n and --persistent keep a record on the dom0's "
                        + "disk, which xenctl cannot write through " + invocation().connect(), "run pci-assignable-add "
                        + "on the dom0 itself (over ssh)");
            }
            return new PciChangesView(RemotePciHost.read(session, invocation().connect())
                    .makeAssignable(device, withGroup, force));
        }
        checkName(device);
        List<PciBinder.Outcome> outcomes = PciBinders.local(invocation().context())
                .makeAssignable(device, new PciBinder.Options(name, force, withGroup, persistent));
        return new PciChangesView(outcomes.stream().map(outcome -> change(outcome, device)).toList());
    }

    /** Names are unique, and never look like an address (pci-assignable-remove takes either). */
    private void checkName(PciAddress device) {
        if (name == null) {
            return;
        }
        if (!NAME.matcher(name).matches() || PciAddress.parseOrNull(name) != null) {
            throw new XenctlException(ErrorCode.USAGE, "'" + name + "' cannot name a device",
                    "use letters, digits, '_', '.' and '-' (up to 64), not an address");
        }
        new AssignableRecords(invocation().context().hostRoot()).findByName(name)
                .filter(other -> !other.address().equals(device))
                .ifPresent(other -> {
                    throw new XenctlException(ErrorCode.DEVICE_REFUSED, "the name '" + name + "' is already "
                            + "given to " + other.address(), "choose another name, or pci-assignable-remove "
                            + other.address() + " first");
                });
    }

    private PciChangesView.Change change(PciBinder.Outcome outcome, PciAddress asked) {
        String message = !outcome.changed() ? outcome.address() + " was already assignable"
                : outcome.address() + " is assignable" + (outcome.driverBefore() == null ? ""
                        : " (taken from " + outcome.driverBefore() + ")");
        return new PciChangesView.Change(outcome.address().toString(), outcome.changed(), outcome.driverBefore(),
                outcome.driverAfter(), outcome.address().equals(asked) ? name : null, persistent, message);
    }
}
