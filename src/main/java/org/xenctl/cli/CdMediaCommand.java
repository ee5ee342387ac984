package org.xenctl.cli;

import java.util.Optional;

import org.xenctl.domain.Devices;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainDetails.DiskDevice;
import org.xenctl.domain.DomainDevices;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;
import org.xenctl.render.view.DeviceChangeView;

/**
 * cd-insert and cd-eject (xl's): the media in an HVM guest's CD-ROM drive, changed where the scope says, and
 * nothing asked when the drive already holds what is wanted. One class for both: they differ only in the target.
 */
abstract class CdMediaCommand extends HypervisorCommand {
    final DeviceScopeOptions scopeOptions = new DeviceScopeOptions();
    String domain;
    String vdev;

    /** The image to insert; null to eject. */
    abstract String wanted();

    @Override
    View execute(Session session) {
        Hypervisor hypervisor = session.hypervisor();
        Devices devices = new Devices(hypervisor);
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        if (!"hvm".equals(target.osType())) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "domain " + name + " is a " + target.guestType()
                    + " guest: CD-ROM media can be changed in an HVM guest's emulated drive only",
                    "give a PV or PVH guest the image as a disk: block-attach " + name + " IMAGE,raw,xvdd,ro,"
                            + "devtype=cdrom");
        }
        DeviceScope scope = scopeOptions.resolve(devices, target);
        String wanted = wanted();
        DeviceScope toChange = new DeviceScope(
                scope.live() && needsChange(drive(hypervisor.devices(target.summary().uuid(), false), name), wanted),
                scope.config() && needsChange(drive(hypervisor.devices(target.summary().uuid(), true), name),
                        wanted));
        String what = wanted == null ? vdev + " ejected" : wanted + " in " + vdev;
        if (!toChange.live() && !toChange.config()) {
            return new DeviceChangeView(name, "cdrom", vdev, false, false, false, name + "'s " + vdev + " is "
                    + (wanted == null ? "empty" : "holding " + wanted) + " already: nothing to do");
        }
        hypervisor.changeMedia(target.summary().uuid(), vdev, wanted, toChange);
        return new DeviceChangeView(name, "cdrom", vdev, true, toChange.live(), toChange.config(), what + " of "
                + name + " (" + Devices.where(toChange) + ")");
    }

    private DiskDevice drive(DomainDevices devices, String name) {
        Optional<DiskDevice> drive = devices.disks().stream().filter(d -> vdev.equals(d.target())).findFirst();
        if (drive.isEmpty()) {
            throw new XenctlException(ErrorCode.DEVICE_NOT_FOUND, "domain " + name + " has no drive " + vdev,
                    "block-list " + name + " shows its drives");
        }
        if (!"cdrom".equals(drive.get().device())) {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, name + "'s " + vdev + " is a disk, not a CD-ROM "
                    + "drive", "block-detach and block-attach change a disk");
        }
        return drive.get();
    }

    private static boolean needsChange(DiskDevice drive, String wanted) {
        return !(wanted == null ? "" : wanted).equals(drive.source());
    }

    static final class Insert extends CdMediaCommand {
        String image;

        @Override
        void declare(Declaration declaration) {
            declaration
                    .with(scopeOptions)
                    .domain(v -> domain = v)
                    .parameter("1", "VDEV", String.class, "the CD-ROM drive, e.g. hdc", v -> vdev = v)
                    .parameter("2", "TARGET", String.class, "the image (an ISO file) or device to insert",
                            v -> image = v);
        }

        @Override
        String wanted() {
            return image;
        }
    }

    static final class Eject extends CdMediaCommand {
        @Override
        void declare(Declaration declaration) {
            declaration
                    .with(scopeOptions)
                    .domain(v -> domain = v)
                    .parameter("1", "VDEV", String.class, "the CD-ROM drive, e.g. hdc", v -> vdev = v);
        }

        @Override
        String wanted() {
            return null;
        }
    }
}
