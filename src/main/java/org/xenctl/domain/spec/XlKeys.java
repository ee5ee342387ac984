package org.xenctl.domain.spec;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/** Every key xl.cfg(5) (Xen 4.17) documents, so that a typo can be told from a key xenctl does not carry. */
final class XlKeys {
    static final Set<String> DOCUMENTED = Set.of(
            "name", "type", "builder", "uuid", "pool", "vcpus", "maxvcpus", "cpus", "cpus_soft", "cpu_weight", "cap",
            "memory", "maxmem", "vnuma", "on_poweroff", "on_reboot", "on_watchdog", "on_crash", "on_soft_reset",
            "kernel", "ramdisk", "cmdline", "root", "extra", "bootloader", "bootloader_args", "bootloader_restrict",
            "bootloader_user", "e820_host", "disk", "vif", "vtpm", "p9", "pvcalls", "vfb", "channel", "rdm",
            "rdm_mem_boundary", "usbctrl", "usbdev", "pci", "pci_permissive", "pci_msitranslate", "pci_seize",
            "pci_power_mgmt", "gfx_passthru", "dtdev", "ioports", "iomem", "irqs", "max_event_channels", "vdispl",
            "vsnd", "vkb", "tee", "max_grant_frames", "max_maptrack_frames", "max_grant_version", "nomigrate",
            "driver_domain", "device_tree", "passthrough", "seclabel", "init_seclabel", "max_seclabel",
            "device_model_override", "device_model_version", "device_model_stubdomain_override",
            "device_model_stubdomain_seclabel", "device_model_args", "device_model_args_pv",
            "device_model_args_hvm", "device_model_user", "stubdomain_kernel", "stubdomain_ramdisk",
            "stubdomain_memory", "firmware", "bios", "bios_path_override", "pae", "acpi", "acpi_s3", "acpi_s4",
            "acpi_laptop_slate", "apic", "nx", "hpet", "altp2m", "altp2mhvm", "nestedhvm", "cpuid",
            "acpi_firmware", "smbios_firmware", "ms_vm_genid", "tsc_mode", "localtime", "rtc_timeoffset",
            "vpt_align", "timer_mode", "mmio_hole", "hap", "oos", "shadow_memory", "viridian", "vga", "videoram",
            "stdvga", "vnc", "vnclisten", "vncdisplay", "vncunused", "vncpasswd", "keymap", "sdl", "opengl",
            "nographic", "spice", "spicehost", "spiceport", "spicetls_port", "spicedisable_ticketing", "spicepasswd",
            "spiceagent_mouse", "spicevdagent", "spice_clipboard_sharing", "spiceusbredirection",
            "spice_image_compression", "spice_streaming_video", "serial", "soundhw", "usb", "usbversion",
            "usbdevice", "vendor_device", "xen_platform_pci", "boot", "hdtype", "gic_version", "vuart",
            "dm_restrict", "max_altp2m", "vpmu", "msr_relaxed", "trap_unmapped_accesses", "arm_sve", "nr_spis",
            "claim_mode", "event_channels", "vkb_device", "dom0less", "xs_domain", "cpufreq", "vcpu_hard_affinity",
            "vcpu_soft_affinity", "suppress_vmdesc", "colo", "direct_io_safe");

    private XlKeys() {
    }

    /** The documented key nearest to a misspelt one, if it is close enough to be the likely meaning. */
    static Optional<String> nearest(String key) {
        int most = key.length() <= 4 ? 1 : 2;
        return DOCUMENTED.stream()
                .filter(k -> org.xenctl.domain.EditDistance.within(key, k, most))
                .min(Comparator.comparingInt((String k) -> distance(key, k))
                        .thenComparingInt(k -> Math.abs(k.length() - key.length())).thenComparing(k -> k));
    }

    static int distance(String a, String b) {
        return org.xenctl.domain.EditDistance.between(a, b);
    }
}
