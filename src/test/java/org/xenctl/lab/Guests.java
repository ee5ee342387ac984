package org.xenctl.lab;

/**
 * The lab's guest, PV or PVH, as libvirt XML and as an xl.cfg file: Debian's kernel with a busybox initramfs. A PVH
 * guest runs in the lab with tsc_mode native: TCG reports RDTSCP as RDTSC, and an emulated TSC leaves the guest's
 * kernel dead after "x86/fpu" (docs/testing.md).
 */
final class Guests {
    /** What the guest's init prints on its console (src/it/xen/image/guest-init). */
    static final String BANNER = "xenctl-lab-guest: up";

    private Guests() {
    }

    static String xml(String name) {
        return xml(name, "xen", "");
    }

    static String pvhXml(String name) {
        return xml(name, "xenpvh", "<clock offset='utc'><timer name='tsc' mode='native'/></clock>");
    }

    private static String xml(String name, String osType, String clock) {
        return """
                <domain type='xen'>
                  <name>%s</name>
                  <memory unit='MiB'>128</memory>
                  <vcpu>1</vcpu>
                  %s
                  <os>
                    <type>%s</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>console=hvc0</cmdline>
                  </os>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                    <console type='pty'><target type='xen' port='0'/></console>
                  </devices>
                </domain>
                """.formatted(name, clock, osType, XenLab.GUEST_KERNEL, XenLab.GUEST_RAMDISK);
    }

    static String xlCfg(String name, String... moreLines) {
        return cfgOfType("pv", name, moreLines);
    }

    static String pvhCfg(String name, String... moreLines) {
        String[] lines = new String[moreLines.length + 1];
        lines[0] = "tsc_mode = \"native\"";
        System.arraycopy(moreLines, 0, lines, 1, moreLines.length);
        return cfgOfType("pvh", name, lines);
    }

    /**
     * An HVM guest booting the same kernel directly (hvmloader and SeaBIOS run first): its kernel and init print on
     * the emulated serial port, which is the console libvirt opens for an HVM guest; the shell runs on hvc0. No vif:
     * the scenarios that use it need none, and each emulated device slows its boot under the lab's emulation.
     */
    static String hvmCfg(String name, String... moreLines) {
        StringBuilder cfg = new StringBuilder("""
                name = "%s"
                type = "hvm"
                kernel = "%s"
                ramdisk = "%s"
                extra = "console=hvc0 console=ttyS0"
                memory = 128
                vcpus = 1
                serial = "pty"
                vnc = 0
                tsc_mode = "native"
                """.formatted(name, XenLab.GUEST_KERNEL, XenLab.GUEST_RAMDISK));
        return withLines(cfg, moreLines);
    }

    private static String cfgOfType(String type, String name, String... moreLines) {
        StringBuilder cfg = new StringBuilder("""
                name = "%s"
                type = "%s"
                kernel = "%s"
                ramdisk = "%s"
                extra = "console=hvc0"
                memory = 128
                vcpus = 1
                vif = [ 'bridge=xenbr0' ]
                """.formatted(name, type, XenLab.GUEST_KERNEL, XenLab.GUEST_RAMDISK));
        return withLines(cfg, moreLines);
    }

    /**
     * A driver domain: a PV guest that serves other guests' vifs (on its own bridge xenbr0) and vbds (from its own
     * devices) with netback, blkback and xl devd (src/it/xen/image/driver-domain). No vif of its own.
     */
    static String driverDomainCfg(String name, String... moreLines) {
        StringBuilder cfg = new StringBuilder("""
                name = "%s"
                type = "pv"
                kernel = "%s"
                ramdisk = "%s"
                extra = "console=hvc0"
                memory = 192
                vcpus = 1
                """.formatted(name, XenLab.GUEST_KERNEL, XenLab.DRIVER_RAMDISK));
        return withLines(cfg, moreLines);
    }

    private static String withLines(StringBuilder cfg, String... lines) {
        for (String line : lines) {
            cfg.append(line).append('\n');
        }
        return cfg.toString();
    }

    /** xenconsoled's log of the guest's console (the lab starts it with --log=guest). */
    static String consoleLog(String name) {
        return "/var/log/xen/console/guest-" + name + ".log";
    }

    /**
     * A clean-up's shell command that leaves no domain {@code name} behind, whatever is running it: destroyed through
     * libvirt first, which waits for a restart libvirt is making of it (a guest that rebooted under the emulation's
     * faults), and then by xl for one libvirt does not know. A bare {@code xl destroy} raced such a restart: PvhXenLabIT's
     * pvh-nopci kept running, rebooting, into the next classes (clean-clone CI of 2026-12-07 20:06, where
     * Dom0XenLabIT listed it beside Domain-0). Never fails.
     */
    static String destroy(String name) {
        return "for i in 1 2 3 4 5; do virsh -c xen:///system destroy " + name + " >/dev/null 2>&1; xl destroy " + name
                + " 2>/dev/null; xl domid " + name + " >/dev/null 2>&1 || break; sleep 2; done; true";
    }
}
