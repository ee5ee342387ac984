package org.xenctl.libvirt;

import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;

/**
 * Stops libvirt from printing "libvirt: … error : …" to stderr: xenctl reports every error itself, once. The
 * callback is a constant so that JNA's native trampoline is never garbage collected.
 */
final class LibvirtSilencer {
    private static final Libvirt.VirErrorCallback IGNORE = (userData, error) -> { };

    private LibvirtSilencer() {
    }

    static void install() {
        try {
            Connect.setErrorCallback(IGNORE);
        } catch (LibvirtException e) {
            // Only the chatter stays; errors are still thrown.
        }
    }
}
