package org.xenctl.libvirt;

/**
 * Stops libvirt from printing "libvirt: … error : …" to stderr: xenctl reports every error itself, once. The
 * callback is a constant so that JNA's native trampoline is never garbage collected.
 */
final class LibvirtSilencer {
    private static final DirectConnectCalls.ErrorFunc IGNORE = (userData, error) -> { };

    private LibvirtSilencer() {
    }

    static void install() {
        DirectConnectCalls.virSetErrorFunc(null, IGNORE);
    }
}
