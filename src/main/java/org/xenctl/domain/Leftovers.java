package org.xenctl.domain;

import java.time.Duration;

/**
 * Transient domains libvirt keeps shut off: libvirt's libxl driver keeps one so when it failed to restart it (a
 * reboot whose new domain could not be created, say its vif's bridge had gone), and for a moment while it tears
 * one down. Either way the name stays taken until it is gone: destroy and undefine remove it.
 */
final class Leftovers {
    private final Hypervisor hypervisor;
    private final Duration grace;

    /** {@code grace}: how long one being torn down may take to go by itself. */
    Leftovers(Hypervisor hypervisor, Duration grace) {
        this.hypervisor = hypervisor;
        this.grace = grace;
    }

    /** Whether {@code domain} is transient and shut off. */
    boolean isLeftover(DomainSummary domain) {
        try {
            return !domain.isActive() && !hypervisor.details(domain).persistent();
        } catch (XenctlException e) {
            if (e.code() == ErrorCode.DOMAIN_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Removes one: one being torn down goes by itself within the grace; one left by a failed restart never does,
     * and libvirt refuses to undefine a transient domain, so it is defined from its own XML and then undefined. It
     * is not started.
     */
    Outcome remove(String action, DomainSummary domain) {
        try (Hypervisor.DomainWatch watch = hypervisor.watch(domain.uuid())) {
            try {
                watch.await(DomainChanges.GONE, grace);
                return DomainChanges.unchanged(action, domain, "is gone (libvirt was tearing it down)");
            } catch (XenctlException e) {
                if (e.code() != ErrorCode.TIMEOUT) {
                    throw e;
                }
            }
        }
        try {
            hypervisor.define(hypervisor.xml(domain.uuid(), false));
            hypervisor.undefine(domain.uuid());
        } catch (XenctlException e) {
            if (e.code() != ErrorCode.DOMAIN_NOT_FOUND) {
                throw e;
            }
        }
        return new Outcome(action, domain.name(), domain.uuid(), true, DomainState.SHUTOFF, false,
                "Domain " + domain.name() + " removed: libvirt had kept it shut off, transient, after failing to "
                        + "restart it (its log on the host: /var/log/libvirt/libxl/" + domain.name() + ".log).");
    }
}
