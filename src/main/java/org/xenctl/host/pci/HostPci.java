package org.xenctl.host.pci;

import java.util.List;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.PciAddress;

/**
 * The dom0's PCI devices and their binding to xen-pciback, however the host is reached: its own sysfs
 * ({@link SysfsHostPci}, on the dom0) or libvirt's node-device API ({@link LibvirtHostPci}, through a remote URI,
 * with less to see). Every PCI host rule lives behind this port (what may be taken from dom0, which group peers come
 * along, what is checked after a bind), so the commands only choose one by the URI and show what it returns.
 * Failures are {@code XenctlException}s with their codes (DEVICE_NOT_FOUND, DEVICE_REFUSED, UNSUPPORTED…).
 */
public interface HostPci {

    /** Every device, or those asked for in that order (DEVICE_NOT_FOUND for one the host does not have). */
    Listing list(List<PciAddress> wanted);

    /** The devices on pciback and those xenctl has records of (NO_PCIBACK without pciback, not an empty list). */
    Listing assignable();

    /** Binds the device (with {@code options.withGroup()}, its IOMMU group's other endpoints too) to pciback. */
    List<Change> makeAssignable(PciAddress address, PciBinder.Options options);

    /** Unbinds it from pciback, back to its recorded driver with {@code rebind}; refused while a domain has it. */
    Change release(PciAddress address, boolean rebind);

    /** The device a pci-assignable-add -n name stands for (DEVICE_NOT_FOUND if none). */
    PciAddress byName(String name);

    /**
     * Refuses, in xenctl's words, a domain's devices that libxl would refuse with an errno: missing, not assignable,
     * used by dom0… Where the devices cannot be seen (a remote host) it passes and libvirt's answer stands.
     */
    void preflight(List<DomainDetails.PciDevice> devices, String what);

    /**
     * What a listing shows.
     *
     * @param source         "sysfs" or "libvirt"
     * @param pcibackLoaded  null where it cannot be told
     * @param domainsNotRead why the holding domains are unknown (libvirtd did not answer), or null
     * @param damagedRecords xenctl's records that cannot be read, each "ADDRESS: why" (kept, never taken as absent)
     */
    record Listing(String source, Boolean pcibackLoaded, String domainsNotRead, List<HostPciDevice> devices,
                   List<String> damagedRecords) { }

    /**
     * What a binding change did to one device.
     *
     * @param name       its name, where this change gave or kept one
     * @param persistent whether pci-restore binds it again at boot
     * @param message    one line for the user
     */
    record Change(PciAddress address, boolean changed, String driverBefore, String driverAfter, String name,
                  boolean persistent, String message) { }
}
