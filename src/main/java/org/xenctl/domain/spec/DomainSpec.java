package org.xenctl.domain.spec;

import java.util.List;

/**
 * A domain as an xl.cfg file describes it, with xl's defaults applied: what xenctl turns into libvirt domain XML,
 * and what it reads back from libvirt to export an xl.cfg.
 *
 * @param uuid null to let the host choose one
 * @param cpus the pCPUs every vCPU may run on (xl syntax, e.g. "0-3,^1"), or null
 * @param vcpuPins per-vCPU pCPU sets (xl's list form of {@code cpus}), empty if not given
 * @param passthrough xl's {@code passthrough=}: "enabled", "disabled", "sync_pt" or "share_pt", or null for libxl's
 *                    choice (enabled when the domain starts with PCI devices, else disabled: no hot-plug later)
 * @param serial "pty" or null
 */
public record DomainSpec(String name, String uuid, GuestType type, long memoryMiB, long maxMemoryMiB, int vcpus,
                         int maxVcpus, String cpus, List<String> vcpuPins, Boot boot, Actions actions,
                         List<Disk> disks, List<Nic> nics, List<PciAssignment> pci, boolean e820Host,
                         String passthrough, Graphics graphics, String serial, HvmFeatures features, Clock clock) {

    public DomainSpec {
        vcpuPins = List.copyOf(vcpuPins);
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
        pci = List.copyOf(pci);
    }

    /**
     * xl.cfg's tsc_mode, hpet, localtime and rtc_timeoffset: what libvirt's libxl driver carries in {@code <clock>}.
     *
     * @param tscMode          libvirt's tsc timer mode (native, emulate, paravirt), or null for Xen's default
     * @param hpet             an HVM guest's HPET present or not, or null when not said
     * @param localtime        the guest's clock starts from the host's local time, not UTC
     * @param rtcOffsetSeconds added to the guest's clock (rtc_timeoffset)
     */
    public record Clock(String tscMode, Boolean hpet, boolean localtime, long rtcOffsetSeconds) {
        public static final Clock XL_DEFAULTS = new Clock(null, null, false, 0);

        public boolean isDefault() {
            return equals(XL_DEFAULTS);
        }
    }

    /**
     * HVM platform features (xl defaults: acpi, apic, pae and hap on; viridian and nested virtualisation off).
     *
     * @param nestedHvm the guest may run its own hypervisor (xl's nestedhvm; libvirt's host-passthrough CPU, from
     *                  which its libxl driver sets nested_hvm)
     */
    public record HvmFeatures(boolean acpi, boolean apic, boolean pae, boolean hap, boolean viridian,
                              boolean nestedHvm) {
        public static final HvmFeatures XL_DEFAULTS = new HvmFeatures(true, true, true, true, false, false);
    }
}
