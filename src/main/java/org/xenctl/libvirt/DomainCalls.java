package org.xenctl.libvirt;

import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/** One call on a domain found by UUID, its failure said in xenctl's words with the domain's name. */
final class DomainCalls {
    private final DomainHandles handles;

    DomainCalls(DomainHandles handles) {
        this.handles = handles;
    }

    Domain get(String uuid) {
        return handles.get(uuid);
    }

    /** Runs {@code action} on the domain; a libvirt failure becomes "cannot VERB domain NAME: …". */
    void act(String uuid, String verb, Action action) {
        Domain domain = handles.get(uuid);
        try {
            action.run(domain);
        } catch (LibvirtException e) {
            throw LibvirtErrors.translate(e, "cannot " + verb + " domain " + nameOf(domain));
        }
    }

    static String nameOf(Domain domain) {
        try {
            return domain.getName();
        } catch (LibvirtException e) {
            return "(unnamed)";
        }
    }

    static XenctlException pausedUnsupported(LibvirtException e, boolean paused, String doing) {
        if (paused && e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_INVALID_ARG) {
            // The only flag we pass is PAUSED: a driver that rejects flags cannot start a domain paused.
            return new XenctlException(ErrorCode.UNSUPPORTED, doing + ": this hypervisor driver cannot start a "
                    + "domain paused", "start it without --paused", e);
        }
        return LibvirtErrors.translate(e, doing);
    }

    @FunctionalInterface
    interface Action {
        void run(Domain domain) throws LibvirtException;
    }
}
