package org.xenctl.cli;

import java.nio.file.Path;

import org.xenctl.host.pci.AssignableRecords;
import org.xenctl.host.pci.PciBinder;
import org.xenctl.host.pci.PciInventory;

/** The binder of the dom0 this process runs on (or of the tree $XENCTL_HOST_ROOT names). */
final class PciBinders {
    private PciBinders() {
    }

    static PciBinder local(Context context) {
        Path root = context.hostRoot();
        return new PciBinder(root, PciInventory.of(root), new AssignableRecords(root), context.sysfs());
    }
}
