package org.xenctl.domain.spec;

/**
 * What Xen does when the guest powers off, reboots or crashes: destroy, restart, rename-restart, preserve,
 * coredump-destroy or coredump-restart.
 */
public record Actions(String onPoweroff, String onReboot, String onCrash) {
    /** xl's defaults; libvirt's converter makes on_crash "restart", xl has always used "destroy". */
    public static final Actions XL_DEFAULTS = new Actions("destroy", "restart", "destroy");
}
