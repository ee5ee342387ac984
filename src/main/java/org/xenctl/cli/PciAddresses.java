package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.domain.PciAddress;

/** BDF arguments, checked before anything is read. */
final class PciAddresses {
    private PciAddresses() {
    }

    static List<PciAddress> parse(List<String> words) {
        List<PciAddress> addresses = new ArrayList<>();
        for (String word : words) {
            PciAddress address = PciAddress.parseOrNull(word);
            if (address == null) {
                throw new XenctlException(ErrorCode.USAGE, "'" + word + "' is not a PCI address",
                        "write DDDD:BB:SS.F or BB:SS.F, e.g. 0000:03:00.0 (pci-host-list shows them)");
            }
            addresses.add(address);
        }
        return addresses;
    }
}
