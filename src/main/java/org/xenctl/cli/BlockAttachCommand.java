package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.BlockDevice;
import org.xenctl.domain.spec.Disk;
import org.xenctl.domain.spec.XlDevices;
import org.xenctl.libvirt.SpecXmlWriter;
import org.xenctl.render.View;
import org.xenctl.render.view.DeviceXmlView;

final class BlockAttachCommand extends HypervisorCommand {
    final DeviceScopeOptions scopeOptions = new DeviceScopeOptions();
    final CompatOption compatOption = new CompatOption();
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
    View execute(Session session) {
        DeviceSpecArgument<Disk> argument = DeviceSpecArgument.read("DISK_SPEC", spec, compatOption.compat,
                XlDevices::disk);
        warn(argument.warnings());
        BlockDevice device = new BlockDevice(argument.device());
        if (dryRun()) {
            return new DeviceXmlView(domain, device.vdev(), SpecXmlWriter.diskXml(device.disk()),
                    Problems.views(argument.warnings()));
        }
        return DeviceAttachment.attach(session, domain, scopeOptions, "disk", "", target -> {
            DevicePreflights.beforeDisk(invocation(), session, target, device.disk());
            return device;
        }, argument.warnings());
    }
}
