package org.xenctl.domain;

import java.util.Locale;

import org.xenctl.domain.spec.Nic;

/** A guest network interface (xl network-attach), found by its MAC address, which it always has here. */
public record NetworkInterface(Nic nic) implements Device {

    public NetworkInterface {
        if (nic.mac() == null) {
            throw new IllegalArgumentException("a NIC to attach or detach has its MAC address");
        }
    }

    public String mac() {
        return nic.mac().toLowerCase(Locale.ROOT);
    }

    @Override
    public String label() {
        return mac();
    }

    @Override
    public boolean isIn(DomainDevices devices) {
        return devices.nics().stream().anyMatch(device -> mac().equalsIgnoreCase(device.mac()));
    }

    @Override
    public void attach(Hypervisor hypervisor, String uuid, Hypervisor.DeviceScope scope) {
        hypervisor.attachNic(uuid, nic, scope);
    }

    @Override
    public void detach(Hypervisor hypervisor, String uuid, Hypervisor.DeviceScope scope) {
        hypervisor.detachNic(uuid, mac(), scope);
    }
}
