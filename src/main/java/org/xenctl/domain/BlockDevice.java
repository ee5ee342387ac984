package org.xenctl.domain;

import org.xenctl.domain.spec.Disk;

/** A guest disk or CD-ROM drive (xl block-attach), found by the name the guest sees it by (its vdev). */
public record BlockDevice(Disk disk) implements Device {

    public String vdev() {
        return disk.vdev();
    }

    @Override
    public String label() {
        return vdev();
    }

    @Override
    public boolean isIn(DomainDevices devices) {
        return devices.disks().stream().anyMatch(device -> vdev().equals(device.target()));
    }

    @Override
    public void attach(Hypervisor hypervisor, String uuid, Hypervisor.DeviceScope scope) {
        hypervisor.attachDisk(uuid, disk, scope);
    }

    @Override
    public void detach(Hypervisor hypervisor, String uuid, Hypervisor.DeviceScope scope) {
        hypervisor.detachDisk(uuid, vdev(), scope);
    }
}
