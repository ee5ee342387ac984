package org.xenctl.domain.spec;

import java.util.List;

/**
 * How the guest boots: a kernel given directly, a bootloader run in dom0 (pygrub), or firmware. Null fields are
 * not set.
 *
 * @param firmware for HVM: "bios" or "uefi"
 * @param bootOrder for HVM: xl's {@code boot} letters (c disk, d cdrom, n network)
 */
public record Boot(String kernel, String ramdisk, String cmdline, String bootloader, List<String> bootloaderArgs,
                   String firmware, String bootOrder) {
    public Boot {
        bootloaderArgs = List.copyOf(bootloaderArgs);
    }
}
