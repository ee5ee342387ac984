package org.xenctl.host.pci;

import java.util.Map;
import java.util.TreeMap;

import org.xenctl.domain.PciAddress;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.Hypervisor;

/** Which running domain holds which host PCI device, from the domains' live definitions (their hostdevs). */
public final class DomainPciUse {
    private DomainPciUse() {
    }

    public static Map<PciAddress, String> read(Hypervisor hypervisor) {
        Map<PciAddress, String> holders = new TreeMap<>();
        for (DomainSummary domain : hypervisor.list(false)) {
            for (DomainDetails.PciDevice device : hypervisor.devices(domain.uuid(), false).pci()) {
                PciAddress address = device.address();
                if (address != null) {
                    holders.put(address, domain.name());
                }
            }
        }
        return holders;
    }
}
