package org.xenctl.libvirt;

import org.libvirt.Error.ErrorDomain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.xenctl.domain.XenctlException;

/** A libvirt-java call whose failure becomes a {@code XenctlException} saying what was being done. */
final class LibvirtCalls {
    private LibvirtCalls() {
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws LibvirtException;
    }

    /** As {@link #call}, for a call that names a file on the host: one the host lacks is FILE_NOT_FOUND. */
    static <T> T callOnHostFile(String doing, Call<T> call) {
        try {
            return call.run();
        } catch (LibvirtException e) {
            boolean system = e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_SYSTEM_ERROR
                    && e.getError().getDomain() != ErrorDomain.VIR_FROM_RPC;
            XenctlException missing = system ? LibvirtErrors.missingHostFile(e.getError().getInt1(),
                    e.getError().getMessage(), doing) : null;
            throw missing != null ? missing : LibvirtErrors.translate(e, doing);
        }
    }

    static <T> T call(String doing, Call<T> call) {
        try {
            return call.run();
        } catch (LibvirtException e) {
            throw LibvirtErrors.translate(e, doing);
        }
    }
}
