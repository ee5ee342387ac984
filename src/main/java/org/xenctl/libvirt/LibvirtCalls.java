package org.xenctl.libvirt;

import org.libvirt.LibvirtException;

/** A libvirt-java call whose failure becomes a {@code XenctlException} saying what was being done. */
final class LibvirtCalls {
    private LibvirtCalls() {
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws LibvirtException;
    }

    static <T> T call(String doing, Call<T> call) {
        try {
            return call.run();
        } catch (LibvirtException e) {
            throw LibvirtErrors.translate(e, doing);
        }
    }
}
