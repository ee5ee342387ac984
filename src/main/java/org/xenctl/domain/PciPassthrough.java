package org.xenctl.domain;

import org.xenctl.domain.spec.PciAssignment;

/** A host PCI device handed to a domain (xl pci-attach), found by its host address. */
public record PciPassthrough(PciAssignment assignment) implements Device {

    public PciAddress address() {
        return assignment.address();
    }

    @Override
    public String label() {
        return address().toString();
    }

    @Override
    public boolean isIn(DomainDevices devices) {
        return devices.hasPci(address());
    }

    @Override
    public void attach(Hypervisor hypervisor, String uuid, Hypervisor.DeviceScope scope) {
        hypervisor.attachPci(uuid, assignment, scope);
    }

    @Override
    public void detach(Hypervisor hypervisor, String uuid, Hypervisor.DeviceScope scope) {
        hypervisor.detachPci(uuid, address(), scope);
    }
}
