package org.xenctl.cli;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.pci.DomainPciUse;
import org.xenctl.domain.PciAddress;
import org.xenctl.libvirt.HostDevices;
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
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        String address = argument.address();
        DeviceScope scope = scopeOptions.resolve(target);
        DeviceScope missing = new DeviceScope(
                scope.live() && !DomainPciDevices.has(hypervisor, target, false, address),
                scope.config() && !DomainPciDevices.has(hypervisor, target, true, address));
        if (!missing.live() && !missing.config()) {
            return new PciAttachmentView(name, address, false, false, false, name + " has " + address
                    + " already: nothing to do");
        }
        if (missing.live()) {
            checkLive(session, target, argument);
        }
        hypervisor.attachPci(target.summary().uuid(), argument.device(), missing);
        return new PciAttachmentView(name, address, true, missing.live(), missing.config(), address
                + " attached to " + name + " (" + where(missing) + ")");
    }

    /** What libxl would refuse with an errno, said first: another domain has it, or this one cannot take it now. */
    private void checkLive(Session session, DomainDetails target, PciSpecArgument argument) {
        String name = target.summary().name();
        String address = argument.address();
        String holder = DomainPciUse.read(session.hypervisor()).get(PciAddress.parseOrNull(address));
        if (holder != null) {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, address + " is assigned to domain " + holder,
                    "pci-detach " + holder + " " + address + " first");
        }
        if ("xen".equals(session.hypervisor().domainXmlType()) && !HostDevices.hotplugReady(
                session.hypervisor().xml(target.summary().uuid(), false), "domain " + name)) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " was started without PCI "
                    + "passthrough, so libxl cannot hot-plug a device into it", "add passthrough = \"enabled\" to "
                    + "its xl.cfg (libvirt: <passthrough state='on'/> in <features><xen>) and restart it; or "
                    + "pci-attach --config " + name + " " + address + " and restart it");
        }
        PciPreflights.beforeAttach(invocation(), session, new DomainDetails.PciDevice(address,
                argument.device().seize()), "domain " + name);
    }

    static String where(DeviceScope scope) {
        if (scope.live() && scope.config()) {
            return "the running domain and its definition";
        }
        return scope.live() ? "the running domain only" : "its definition only: from its next start";
    }
}
