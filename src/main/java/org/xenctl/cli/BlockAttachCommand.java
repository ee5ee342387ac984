package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.BlockDevice;
import org.xenctl.domain.Devices;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.domain.spec.Disk;
import org.xenctl.domain.spec.XlDomainReader;
import org.xenctl.libvirt.SpecXmlWriter;
import org.xenctl.render.View;
import org.xenctl.render.view.DeviceChangeView;
import org.xenctl.render.view.DeviceXmlView;
import org.xenctl.render.view.ProblemView;

final class BlockAttachCommand extends HypervisorCommand implements Declaration.DryRunnable {
    final DeviceScopeOptions scopeOptions = new DeviceScopeOptions();
    final CompatOption compatOption = new CompatOption();
    boolean dryRun;
    String domain;
    List<String> spec = new ArrayList<>();

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(scopeOptions)
                .with(compatOption)
                .domain(v -> domain = v)
                .parameters("1..*", "1..*", "DISK_SPEC", "xl's disk spec (xl-disk-configuration(5)), e.g. "
                        + "'/srv/data.img,raw,xvdb,rw' or 'target=/srv/data.img' 'vdev=xvdb'; as words or one "
                        + "comma-separated word", () -> spec, v -> spec = v);
    }

    @Override
    public void dryRun(boolean asked) {
        dryRun = asked;
    }

    @Override
    boolean needsSession() {
        return !dryRun;
    }

    @Override
    View execute(Session session) {
        DeviceSpecArgument<Disk> argument = DeviceSpecArgument.read("DISK_SPEC", spec, compatOption.compat,
                XlDomainReader::disk);
        warn(argument.warnings());
        BlockDevice device = new BlockDevice(argument.device());
        if (dryRun) {
            return new DeviceXmlView(domain, device.vdev(), SpecXmlWriter.diskXml(device.disk()),
                    ProblemView.of(argument.warnings()));
        }
        Hypervisor hypervisor = session.hypervisor();
        Devices devices = new Devices(hypervisor);
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        DeviceScope scope = scopeOptions.resolve(devices, target);
        DevicePreflights.beforeDisk(invocation(), session, target, device.disk());
        DeviceScope added = devices.attach(target, scope, device, live -> { });
        if (!added.live() && !added.config()) {
            return new DeviceChangeView(name, "disk", device.vdev(), false, false, false, name + " has "
                    + device.vdev() + " already: nothing to do", ProblemView.of(argument.warnings()));
        }
        return new DeviceChangeView(name, "disk", device.vdev(), true, added.live(), added.config(),
                device.vdev() + " attached to " + name + " (" + Devices.where(added) + ")",
                ProblemView.of(argument.warnings()));
    }
}
