package org.xenctl.cli;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.Devices;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;
import org.xenctl.render.view.PciAttachmentView;

final class PciDetachCommand extends HypervisorCommand {
    boolean force;
    final DeviceScopeOptions scopeOptions = new DeviceScopeOptions();
    final CompatOption compatOption = new CompatOption();
    String domain;
    String spec;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("-f", "xl's forced removal: not available through libvirt (refused, see docs)", v -> force = v)
                .with(scopeOptions)
                .with(compatOption)
                .domain(v -> domain = v)
                .parameter("1", "PCI_SPEC", String.class, "the device: 01:00.0, or name=NAME", v -> spec = v);
    }

    @Override
    View execute(Session session) {
        if (force) {
            // xl -f calls libxl_device_pci_destroy, which does not wait for the guest; libvirt only has the
            // cooperative removal. Doing that under -f would let a script believe it forced something.
            throw new XenctlException(ErrorCode.UNSUPPORTED, "pci-detach -f (removal without the guest's "
                    + "cooperation) has no libvirt equivalent", "run pci-detach without -f; if the guest does not "
                    + "release the device, destroy the domain, which frees it");
        }
        PciSpecArgument argument = PciSpecArgument.read(spec, compatOption.compat, invocation());
        Hypervisor hypervisor = session.hypervisor();
        Devices devices = new Devices(hypervisor);
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        String address = argument.address();
        DeviceScope removed = devices.detach(target, scopeOptions.resolve(devices, target), argument.passthrough());
        if (!removed.live() && !removed.config()) {
            return new PciAttachmentView(name, address, false, false, false, name + " does not have " + address
                    + ": nothing to do");
        }
        return new PciAttachmentView(name, address, true, removed.live(), removed.config(), address
                + " detached from " + name + " (" + Devices.where(removed) + ")");
    }
}
