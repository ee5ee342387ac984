package org.xenctl.cli;

import java.util.List;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainDevices;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.Devices;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.pci.DomainPciUse;
import org.xenctl.render.View;
import org.xenctl.render.view.PciAttachmentView;

final class PciAttachCommand extends HypervisorCommand {
    final DeviceScopeOptions scopeOptions = new DeviceScopeOptions();
    final CompatOption compatOption = new CompatOption();
    String domain;
    String spec;

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(scopeOptions)
                .with(compatOption)
                .domain(v -> domain = v)
                .parameter("1", "PCI_SPEC", String.class, "xl's PCI_SPEC_STRING, e.g. 01:00.0, "
                        + "'01:00.0@04,permissive=1,seize=1' or name=NAME (a pci-assignable-add -n name)",
                        v -> spec = v);
    }

    @Override
    View execute(Session session) {
        PciSpecArgument argument = PciSpecArgument.read(spec, compatOption.compat, invocation());
        warn(argument.warnings());
        Hypervisor hypervisor = session.hypervisor();
        Devices devices = new Devices(hypervisor);
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        String address = argument.address();
        DeviceScope added;
        try {
            added = devices.attach(target, scopeOptions.resolve(devices, target), argument.passthrough(),
                    live -> checkLive(session, target, live, argument));
        } catch (XenctlException e) {
            throw PciPreflights.explained(e, target::osType, () -> true);
        }
        if (!added.live() && !added.config()) {
            return new PciAttachmentView(name, address, false, false, false, name + " has " + address
                    + " already: nothing to do");
        }
        return new PciAttachmentView(name, address, true, added.live(), added.config(), address
                + " attached to " + name + " (" + Devices.where(added) + ")");
    }

    /** What libxl would refuse with an errno, said first: another domain has it, or this one cannot take it now. */
    private void checkLive(Session session, DomainDetails target, DomainDevices live, PciSpecArgument argument) {
        String name = target.summary().name();
        String address = argument.address();
        String holder = DomainPciUse.read(session.hypervisor()).get(argument.passthrough().address());
        if (holder != null) {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, address + " is assigned to domain " + holder,
                    "pci-detach " + holder + " " + address + " first");
        }
        if ("xen".equals(session.hypervisor().domainXmlType()) && !live.pciHotplug()
                && "xenpvh".equals(target.osType())) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " is a PVH guest, and libxl passes "
                    + "no PCI device through to one (Xen 4.17: \"passthrough not yet supported for x86 PVH guests\")",
                    "give the device to a PV or HVM guest");
        }
        if ("xen".equals(session.hypervisor().domainXmlType()) && !live.pciHotplug()) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " was started without PCI "
                    + "passthrough, so libxl cannot hot-plug a device into it", "add passthrough = \"enabled\" to "
                    + "its xl.cfg (libvirt: <passthrough state='on'/> in <features><xen>) and restart it; or "
                    + "pci-attach --config " + name + " " + address + " and restart it");
        }
        PciPreflights.before(invocation(), session, () -> List.of(new DomainDetails.PciDevice(
                argument.passthrough().address(), argument.device().seize())), "domain " + name);
    }
}
