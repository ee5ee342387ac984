package org.xenctl.cli;

import java.util.regex.Pattern;

import org.xenctl.domain.BlockDevice;
import org.xenctl.domain.Devices;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.domain.XenctlException;
import org.xenctl.domain.spec.Disk;
import org.xenctl.render.View;
import org.xenctl.render.view.DeviceChangeView;

final class BlockDetachCommand extends HypervisorCommand {
    private static final Pattern VDEV = Pattern.compile("(xvd|hd|sd)[a-z]{1,3}[0-9]{0,3}|[0-9]{1,6}");

    final DeviceScopeOptions scopeOptions = new DeviceScopeOptions();
    String domain;
    String vdev;

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(scopeOptions)
                .domain(v -> domain = v)
                .parameter("1", "VDEV", String.class, "the disk as the guest sees it: xvdb, hdc, sda…", v -> vdev = v);
    }

    @Override
    View execute(Session session) {
        if (!VDEV.matcher(vdev).matches()) {
            throw new XenctlException(ErrorCode.USAGE, "'" + vdev + "' is not a virtual device name",
                    "give the Vdev block-list shows, e.g. xvdb");
        }
        Hypervisor hypervisor = session.hypervisor();
        Devices devices = new Devices(hypervisor);
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        BlockDevice device = new BlockDevice(new Disk(null, "empty", vdev, false, false, null, null, null));
        DeviceScope removed = devices.detach(target, scopeOptions.resolve(devices, target), device);
        if (!removed.live() && !removed.config()) {
            return new DeviceChangeView(name, "disk", vdev, false, false, false, name + " has no " + vdev
                    + ": nothing to do");
        }
        return new DeviceChangeView(name, "disk", vdev, true, removed.live(), removed.config(), vdev
                + " detached from " + name + " (" + Devices.where(removed) + ")");
    }
}
