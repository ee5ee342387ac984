package org.xenctl.libvirt;

import com.sun.jna.Pointer;

/**
 * Stops libvirt from printing "libvirt: … error : …" to stderr: xenctl reports every error itself, once. The
 * callback is a constant so that JNA's native trampoline is never garbage collected.
 */
final class LibvirtSilencer {
    private static final DirectCalls.ErrorFunc IGNORE = new Ignore();

    private LibvirtSilencer() {
    }

    static void install() {
        DirectCalls.virSetErrorFunc(null, IGNORE);
    }

    /** A class rather than a lambda: this runs on the loading thread, before any lambda of the process is set up. */
    private static final class Ignore implements DirectCalls.ErrorFunc {
        @Override
        public void invoke(Pointer userData, Pointer error) {
            // xenctl reports the error from the failed call's result.
        }
    }
}
