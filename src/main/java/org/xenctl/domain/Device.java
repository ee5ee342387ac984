package org.xenctl.domain;

/**
 * One device that {@link Devices} attaches or detaches: how to find it among a domain's devices and how the
 * hypervisor adds or removes it. A kind per device class (host PCI now; NICs and disks take the same path).
 */
public interface Device {

    /** How the user names it in messages: "0000:01:00.0". */
    String label();

    boolean isIn(DomainDevices devices);

    void attach(Hypervisor hypervisor, String uuid, Hypervisor.DeviceScope scope);

    void detach(Hypervisor hypervisor, String uuid, Hypervisor.DeviceScope scope);
}
