package org.xenctl.libvirt;

import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.spec.Disk;
import org.xenctl.domain.spec.Nic;
import org.xenctl.domain.spec.PciAssignment;

/**
 * Hot-plug and definition changes of a domain's devices: the device XML libvirt finds or adds, and where the change
 * goes (the running domain, the definition, or both, as libvirt's affect flags say).
 */
final class DeviceChanges {
    static final int AFFECT_LIVE = 1;
    static final int AFFECT_CONFIG = 2;

    private final DomainCalls domains;

    DeviceChanges(DomainCalls domains) {
        this.domains = domains;
    }

    void attachPci(String uuid, PciAssignment device, DeviceScope scope) {
        String xml = SpecXmlWriter.hostdevXml(device);
        domains.act(uuid, "attach " + device.address() + " to", d -> d.attachDeviceFlags(xml, affect(scope)));
    }

    void detachPci(String uuid, PciAddress address, DeviceScope scope) {
        // libvirt finds the hostdev to remove by its source address alone.
        String xml = SpecXmlWriter.hostdevXml(new PciAssignment(address, null, null, false, false, false, false,
                "strict"));
        domains.act(uuid, "detach " + address + " from", d -> d.detachDeviceFlags(xml, affect(scope)));
    }

    void attachNic(String uuid, Nic nic, DeviceScope scope) {
        String xml = SpecXmlWriter.nicXml(nic);
        domains.act(uuid, "attach interface " + nic.mac() + " to", d -> d.attachDeviceFlags(xml, affect(scope)));
    }

    void detachNic(String uuid, String mac, DeviceScope scope) {
        // libvirt finds the interface to remove by its MAC alone; 'ethernet', as it is the one type that needs no
        // source for the XML to parse (the type is not compared).
        String xml = "<interface type='ethernet'><mac address='" + mac + "'/></interface>";
        domains.act(uuid, "detach interface " + mac + " from", d -> d.detachDeviceFlags(xml, affect(scope)));
    }

    void attachDisk(String uuid, Disk disk, DeviceScope scope) {
        String xml = SpecXmlWriter.diskXml(disk);
        domains.act(uuid, "attach disk " + disk.vdev() + " to", d -> d.attachDeviceFlags(xml, affect(scope)));
    }

    void detachDisk(String uuid, String vdev, DeviceScope scope) {
        // libvirt finds the disk to remove by its target alone.
        String xml = SpecXmlWriter.diskXml(new Disk(null, "empty", vdev, false, false, null, null, null));
        domains.act(uuid, "detach disk " + vdev + " from", d -> d.detachDeviceFlags(xml, affect(scope)));
    }

    void changeMedia(String uuid, String vdev, String target, DeviceScope scope) {
        // libvirt finds the drive by its target; the new source (none: eject) is what changes.
        String xml = SpecXmlWriter.diskXml(new Disk(target, target == null ? "empty" : "raw", vdev, true, true,
                null, null, null));
        domains.act(uuid, (target == null ? "eject the media of " : "insert " + target + " in ") + vdev + " of",
                d -> d.updateDeviceFlags(xml, affect(scope)));
    }

    /**
     * The running domain first, then the definition, one call each: some drivers refuse both flags in one call
     * (libvirt's test driver for memory and pinning), and a change the running domain refuses then leaves the
     * definition as it was.
     */
    static int[] oneAtATime(DeviceScope scope) {
        return scope.live() && scope.config() ? new int[] {AFFECT_LIVE, AFFECT_CONFIG}
                : new int[] {affect(scope)};
    }

    static int affect(DeviceScope scope) {
        return (scope.live() ? AFFECT_LIVE : 0) | (scope.config() ? AFFECT_CONFIG : 0);
    }
}
