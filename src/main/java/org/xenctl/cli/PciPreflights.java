package org.xenctl.cli;

import java.util.List;
import java.util.function.Supplier;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * The passthrough preflight before a domain starts or takes a device, where it can see the devices: on a Xen host
 * reached locally. Through a remote URI the dom0's sysfs is out of reach and libvirt's own refusal is what the user
 * gets.
 */
final class PciPreflights {
    private PciPreflights() {
    }

    /**
     * @param devices read only where the preflight applies (an XML file is then parsed a first time here)
     * @param what    the domain, for messages ("domain web")
     */
    static void before(Invocation run, Session session, Supplier<List<DomainDetails.PciDevice>> devices,
            String what) {
        if ("xen".equals(session.hypervisor().domainXmlType()) && run.reachesThisMachine()
                && LocalHostOnly.isLocal(session.hypervisor().uri())) {
            PciHosts.local(run).preflight(devices.get(), what);
        }
    }

    /**
     * A failed create, start or pci-attach of a PVH guest with PCI devices, with the reason libvirt leaves in
     * libxl's log: libxl passes no PCI device through to a PVH guest (Xen 4.17, measured on the lab). Said after
     * the failure, not refused before it, so that a Xen that learns it is not held back.
     *
     * @param osType  libvirt's os type of the domain (xenpvh for PVH)
     * @param withPci whether it has, or was to get, a PCI device
     */
    static XenctlException explained(XenctlException failure, Supplier<String> osType, Supplier<Boolean> withPci) {
        if (failure.code() != ErrorCode.OPERATION_FAILED || !"xenpvh".equals(osType.get()) || !withPci.get()) {
            return failure;
        }
        return new XenctlException(ErrorCode.OPERATION_FAILED, failure.getMessage(), "libxl passes no PCI device "
                + "through to a PVH guest (Xen 4.17: \"passthrough not yet supported for x86 PVH guests\"): give it "
                + "type = \"hvm\", or \"pv\"", failure);
    }
}
