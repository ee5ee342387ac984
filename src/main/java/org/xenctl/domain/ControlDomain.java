package org.xenctl.domain;

/**
 * Domain-0 is where xenctl, libvirtd and every guest's back-ends run: a verb that stops, freezes, suspends or saves
 * it takes the host down with it, and nothing is left to undo it. libvirt's libxl driver does not refuse all of
 * them (on the Xen lab, "xenctl suspend 0" suspended the dom0 and the lab was gone), and xl refuses "destroy 0"
 * without -f; xenctl refuses them all before libvirt is asked.
 */
public final class ControlDomain {
    private ControlDomain() {
    }

    /** CONTROL_DOMAIN when {@code domain} is Domain-0: {@code verb} would do {@code consequence} to the host. */
    public static void refuse(DomainSummary domain, String verb, String consequence, String hint) {
        if (domain.isControlDomain()) {
            throw new XenctlException(ErrorCode.CONTROL_DOMAIN, "refusing to " + verb + " " + domain.name()
                    + ", the host's control domain: " + consequence, hint);
        }
    }
}
