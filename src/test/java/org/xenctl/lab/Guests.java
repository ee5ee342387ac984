package org.xenctl.lab;

/** The lab's PV guest, as libvirt XML and as an xl.cfg file: Debian's kernel with a busybox initramfs. */
final class Guests {
    /** What the guest's init prints on its console (src/it/xen/image/guest-init). */
    static final String BANNER = "xenctl-lab-guest: up";

    private Guests() {
    }

    static String xml(String name) {
        return """
                <domain type='xen'>
                  <name>%s</name>
                  <memory unit='MiB'>128</memory>
                  <vcpu>1</vcpu>
                  <os>
                    <type>xen</type>
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
                """.formatted(name, XenLab.GUEST_KERNEL, XenLab.GUEST_RAMDISK);
    }

    static String xlCfg(String name, String... moreLines) {
        StringBuilder cfg = new StringBuilder("""
                name = "%s"
                type = "pv"
                kernel = "%s"
                ramdisk = "%s"
                extra = "console=hvc0"
                memory = 128
                vcpus = 1
                vif = [ 'bridge=xenbr0' ]
                """.formatted(name, XenLab.GUEST_KERNEL, XenLab.GUEST_RAMDISK));
        for (String line : moreLines) {
            cfg.append(line).append('\n');
        }
        return cfg.toString();
    }

    /** xenconsoled's log of the guest's console (the lab starts it with --log=guest). */
    static String consoleLog(String name) {
        return "/var/log/xen/console/guest-" + name + ".log";
    }
}
