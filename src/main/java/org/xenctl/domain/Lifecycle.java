package org.xenctl.domain;

import static org.xenctl.domain.DomainChanges.RUNNING;
import static org.xenctl.domain.DomainChanges.changed;
import static org.xenctl.domain.DomainChanges.condition;
import static org.xenctl.domain.DomainChanges.requireActive;
import static org.xenctl.domain.DomainChanges.unchanged;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The lifecycle verbs with the semantics scripts rely on: asking for a state that already holds succeeds with
 * {@code changed=false}; waits return only once the hypervisor really reached the state (libxl's destroy and
 * shutdown are asynchronous); a forced shutdown that times out ends in destroy. Also under races: when the
 * hypervisor refuses a change and the domain turns out to be as asked (another xenctl, or virsh, got there first),
 * that is the same success with {@code changed=false}, decided by reading the state again, never by the message
 * ({@link DomainChanges}). The verbs that stop a domain are {@link Stops}'; transient domains libvirt keeps shut off
 * are {@link Leftovers}'.
 */
public final class Lifecycle {
    /** How long destroy waits for the domain to disappear when the caller sets no limit. */
    public static final Duration DEFAULT_DESTROY_TIMEOUT = Duration.ofSeconds(60);
    /** How long a forced shutdown waits for the guest before destroying it, when the caller sets no limit. */
    public static final Duration DEFAULT_FORCE_TIMEOUT = Duration.ofSeconds(60);
    /** How long a transient domain shut off may take to go by itself before it is taken for a failed restart's. */
    static final Duration LEFTOVER_GRACE = Duration.ofSeconds(5);
    /** How long a rebooting domain may stay shut off (its new domain being built) before it is taken for stopped. */
    static final Duration RESTART_GRACE = Duration.ofSeconds(30);

    private final Hypervisor hypervisor;
    private final DomainChanges changes;
    private final Leftovers leftovers;
    private final Stops stops;

    public Lifecycle(Hypervisor hypervisor) {
        this(hypervisor, LEFTOVER_GRACE, RESTART_GRACE);
    }

    /** With shorter waits than a real host needs, for tests. */
    Lifecycle(Hypervisor hypervisor, Duration leftoverGrace, Duration restartGrace) {
        this.hypervisor = hypervisor;
        this.changes = new DomainChanges(hypervisor);
        this.leftovers = new Leftovers(hypervisor, leftoverGrace);
        this.stops = new Stops(hypervisor, changes, leftovers, restartGrace);
    }

    public Outcome start(DomainSummary domain, boolean paused) {
        if (domain.isActive()) {
            return unchanged("start", domain, "is already " + domain.state().label());
        }
        if (!changes.attempt(domain, RUNNING, () -> hypervisor.start(domain.uuid(), paused))) {
            DomainSummary now = changes.current(domain);
            return unchanged("start", now, "is already " + now.state().label());
        }
        return changed("start", changes.current(domain), paused ? "started (paused)" : "started");
    }

    /**
     * Asks the guest to shut down, as {@code request} says. With {@code wait}, returns once it is off; a timeout is
     * TIMEOUT unless {@code force}, which then destroys the domain. A null timeout waits for ever (or
     * DEFAULT_FORCE_TIMEOUT with force). A paused or S3-suspended guest is WRONG_STATE, or with {@code force} not
     * asked and destroyed when the time is up.
     */
    public Outcome shutdown(DomainSummary domain, Hypervisor.ShutdownRequest request, boolean wait,
                            Duration timeout, boolean force) {
        return shutdownAll(List.of(domain), request, wait, timeout, force).get(0);
    }

    /**
     * Shuts several domains down together: the requests are sent at once, then each is waited for within the one
     * shared timeout (counted from the requests), so N guests take as long as the slowest rather than the sum.
     */
    public List<Outcome> shutdownAll(List<DomainSummary> domains, Hypervisor.ShutdownRequest request, boolean wait,
                                     Duration timeout, boolean force) {
        return stops.shutdownAll(domains, request, wait, timeout, force);
    }

    /** Stops the domain at once and returns when the hypervisor has really released it. */
    public Outcome destroy(DomainSummary domain, Duration timeout) {
        return stops.destroy(domain, timeout);
    }

    /**
     * Asks the guest to reboot; with {@code wait}, returns once it has restarted and is running again. A domain
     * that is gone, or stays shut off for {@link #RESTART_GRACE} (its on_reboot action, or a restart libvirt failed:
     * it keeps a transient one so), ends the wait with WRONG_STATE rather than at the timeout.
     */
    public Outcome reboot(DomainSummary domain, boolean wait, Duration timeout) {
        return stops.reboot(domain, wait, timeout);
    }

    public Outcome pause(DomainSummary domain) {
        if (domain.state() == DomainState.PAUSED) {
            return unchanged("pause", domain, "is already paused");
        }
        ControlDomain.refuse(domain, "pause", "it would freeze the host, and nothing would be left to unpause it",
                null);
        requireActive(domain, "pause");
        if (!changes.attempt(domain, now -> now.isPresent() && now.get().state() == DomainState.PAUSED,
                () -> hypervisor.pause(domain.uuid()))) {
            return unchanged("pause", changes.current(domain), "is already paused");
        }
        return changed("pause", changes.current(domain), "paused");
    }

    public Outcome unpause(DomainSummary domain) {
        requireActive(domain, "unpause");
        if (domain.state() != DomainState.PAUSED) {
            return unchanged("unpause", domain, "is not paused (" + domain.state().label() + ")");
        }
        if (!changes.attempt(domain, now -> now.isPresent() && now.get().isActive()
                && now.get().state() != DomainState.PAUSED, () -> hypervisor.unpause(domain.uuid()))) {
            DomainSummary now = changes.current(domain);
            return unchanged("unpause", now, "is not paused (" + now.state().label() + ")");
        }
        return changed("unpause", changes.current(domain), "unpaused");
    }

    /**
     * Guest S3, suspend to RAM (virDomainPMSuspendForDuration; not xl's pause): the guest's kernel suspends itself,
     * so the change is asynchronous; with {@code wait}, returns once the domain is pmsuspended.
     */
    public Outcome suspend(DomainSummary domain, boolean wait, Duration timeout) {
        if (domain.state() == DomainState.PMSUSPENDED) {
            return unchanged("suspend", domain, "is already suspended");
        }
        ControlDomain.refuse(domain, "suspend", "it would suspend the host, and nothing would be left to wake it",
                null);
        requireActive(domain, "suspend");
        if (domain.state() == DomainState.PAUSED) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "cannot suspend domain " + domain.name() + ": it is "
                    + "paused, and a paused guest cannot suspend itself", "unpause it first: xenctl unpause "
                    + domain.name());
        }
        try (Hypervisor.DomainWatch watch = hypervisor.watch(domain.uuid())) {
            if (!changes.attempt(domain, SUSPENDED::test, () -> hypervisor.suspendToMemory(domain.uuid()))) {
                return unchanged("suspend", changes.current(domain), "is already suspended");
            }
            if (wait) {
                watch.await(condition("suspended", SUSPENDED), timeout);
                return changed("suspend", changes.current(domain), "is suspended (S3)");
            }
        }
        return changed("suspend", changes.current(domain), "is suspending (S3)");
    }

    /** Wakes a guest from S3 (virDomainPMWakeup); with {@code wait}, returns once it runs again. */
    public Outcome resume(DomainSummary domain, boolean wait, Duration timeout) {
        requireActive(domain, "resume");
        if (domain.state() != DomainState.PMSUSPENDED) {
            return unchanged("resume", domain, "is not suspended (" + domain.state().label() + ")");
        }
        Predicate<Optional<DomainSummary>> awake =
                now -> now.isPresent() && now.get().isActive() && now.get().state() != DomainState.PMSUSPENDED;
        try (Hypervisor.DomainWatch watch = hypervisor.watch(domain.uuid())) {
            if (!changes.attempt(domain, awake, () -> hypervisor.wakeUp(domain.uuid()))) {
                DomainSummary now = changes.current(domain);
                return unchanged("resume", now, "is not suspended (" + now.state().label() + ")");
            }
            if (wait) {
                watch.await(condition("awake", awake), timeout);
                return changed("resume", changes.current(domain), "has resumed");
            }
        }
        return changed("resume", changes.current(domain), "is resuming");
    }

    public Outcome rename(DomainSummary domain, String newName) {
        if (domain.name().equals(newName)) {
            return unchanged("rename", domain, "is already named " + newName);
        }
        DomainNames.whyUnusable(newName).ifPresent(why -> {
            throw new XenctlException(ErrorCode.USAGE, "cannot rename " + domain.name() + " to '" + newName + "': "
                    + why, DomainNames.HINT);
        });
        hypervisor.rename(domain.uuid(), newName);
        return changed("rename", changes.current(domain), "renamed from " + domain.name());
    }

    public Outcome autostart(DomainSummary domain, boolean enabled) {
        DomainDetails details = hypervisor.details(domain);
        if (details.autostart() == enabled) {
            return unchanged("autostart", domain, enabled ? "already starts with the host"
                    : "already does not start with the host");
        }
        hypervisor.setAutostart(domain.uuid(), enabled);
        return changed("autostart", domain, enabled ? "will start with the host"
                : "will no longer start with the host");
    }

    /** Removes the persistent definition; a running domain keeps running, as a transient one. */
    public Outcome undefine(DomainSummary domain) {
        DomainDetails details;
        try {
            details = hypervisor.details(domain);
        } catch (XenctlException e) {
            if (e.code() == ErrorCode.DOMAIN_NOT_FOUND) {
                // Undefined (and gone) since it was looked up: as asked.
                return unchanged("undefine", domain, "is not defined (any more)");
            }
            throw e;
        }
        if (!details.persistent()) {
            return domain.isActive() ? unchanged("undefine", domain, "is transient: there is no definition to remove")
                    : leftovers.remove("undefine", domain);
        }
        try {
            hypervisor.undefine(domain.uuid());
        } catch (XenctlException e) {
            // Another process undefined it first: gone, or left running as a transient domain.
            Optional<DomainSummary> now = changes.reread(domain, e);
            if (now.isEmpty() || !hypervisor.details(now.get()).persistent()) {
                return unchanged("undefine", now.orElse(domain), "is not defined (any more)");
            }
            throw e;
        }
        Optional<DomainSummary> after = hypervisor.refresh(domain.uuid());
        DomainSummary shown = after.orElse(domain);
        return new Outcome("undefine", shown.name(), shown.uuid(), true,
                after.map(DomainSummary::state).orElse(DomainState.SHUTOFF), false,
                "Domain " + shown.name() + (after.isPresent() ? " undefined; it keeps running until it stops."
                        : " undefined."));
    }

    private static final Predicate<Optional<DomainSummary>> SUSPENDED =
            now -> now.isPresent() && now.get().state() == DomainState.PMSUSPENDED;
}
