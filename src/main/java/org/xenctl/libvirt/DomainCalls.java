package org.xenctl.libvirt;

import com.sun.jna.Pointer;
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

    /** The same with one of {@link DirectCalls}' domain calls, which returns -1 with libvirt's error set. */
    void call(String uuid, String verb, NativeAction action) {
        Domain domain = handles.get(uuid);
        String name = nameOf(domain);
        NativeCalls.check(action.run(NativeHandles.of(domain)), "cannot " + verb + " domain " + name);
    }

    /**
     * {@link #call}, the handle referenced for the call's length: libxl holds a shutdown request for up to a minute
     * while the guest does not answer, and the command may give up on it at its deadline and close the connection,
     * which would otherwise free the handle under the call.
     */
    void callHoldingOwnReference(String uuid, String verb, NativeAction action) {
        Pointer own = handles.referenced(uuid);
        try {
            String name = DirectCalls.virDomainGetName(own);
            NativeCalls.check(action.run(own), "cannot " + verb + " domain " + (name != null ? name : uuid));
        } finally {
            DirectCalls.virDomainFree(own);
        }
    }

    static String nameOf(Domain domain) {
        return DomainHandles.nameOf(domain);
    }

    static XenctlException pausedUnsupported(LibvirtException e, boolean paused, String doing) {
        if (paused && e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_INVALID_ARG) {
            return cannotStartPaused(doing);
        }
        return LibvirtErrors.translate(e, doing);
    }

    static XenctlException pausedUnsupported(NativeCalls.LastError error, boolean paused, String doing) {
        if (paused && error != null && error.number() == ErrorNumber.VIR_ERR_INVALID_ARG) {
            return cannotStartPaused(doing);
        }
        return NativeCalls.failure(error, doing);
    }

    /** The only flag we pass is PAUSED: a driver that rejects flags cannot start a domain paused. */
    private static XenctlException cannotStartPaused(String doing) {
        return new XenctlException(ErrorCode.UNSUPPORTED, doing + ": this hypervisor driver cannot start a domain "
                + "paused", "start it without --paused");
    }

    @FunctionalInterface
    interface Action {
        void run(Domain domain) throws LibvirtException;
    }

    /** A libvirt call on a virDomainPtr: -1 on failure. */
    @FunctionalInterface
    interface NativeAction {
        int run(Pointer domain);
    }
}
