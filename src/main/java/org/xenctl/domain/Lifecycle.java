package org.xenctl.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lifecycle verbs with the semantics scripts rely on: asking for a state that already holds succeeds with
 * {@code changed=false}; waits return only once the hypervisor really reached the state (libxl's destroy and
 * shutdown are asynchronous); a forced shutdown that times out ends in destroy. Also under races: when the
 * hypervisor refuses a change and the domain turns out to be as asked (another xenctl, or virsh, got there first),
 * that is the same success with {@code changed=false}, decided by reading the state again, never by the message.
 */
public final class Lifecycle {
    /** How long destroy waits for the domain to disappear when the caller sets no limit. */
    public static final Duration DEFAULT_DESTROY_TIMEOUT = Duration.ofSeconds(60);
    /** How long a forced shutdown waits for the guest before destroying it, when the caller sets no limit. */
    public static final Duration DEFAULT_FORCE_TIMEOUT = Duration.ofSeconds(60);

    private static final Hypervisor.Condition STOPPED = condition("shut off",
            now -> now.isEmpty() || !now.get().isActive());
    private static final Hypervisor.Condition GONE = condition("gone", Optional::isEmpty);
    /** How long a stopped transient domain may take to be released; past it, the stop is still reported done. */
    static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(15);

    private final Hypervisor hypervisor;

    public Lifecycle(Hypervisor hypervisor) {
        this.hypervisor = hypervisor;
    }

    public Outcome start(DomainSummary domain, boolean paused) {
        if (domain.isActive()) {
            return unchanged("start", domain, "is already " + domain.state().label());
        }
        if (!attempt(domain, RUNNING, () -> hypervisor.start(domain.uuid(), paused))) {
            DomainSummary now = current(domain);
            return unchanged("start", now, "is already " + now.state().label());
        }
        return changed("start", current(domain), paused ? "started (paused)" : "started");
    }

    /**
     * Asks the guest to shut down, as {@code request} says. With {@code wait}, returns once it is off; a timeout is
     * TIMEOUT unless {@code force}, which then destroys the domain. A null timeout waits for ever (or
     * DEFAULT_FORCE_TIMEOUT with force).
     */
    public Outcome shutdown(DomainSummary domain, Hypervisor.ShutdownRequest request, boolean wait,
                            Duration timeout, boolean force) {
        return shutdownAll(List.of(domain), request, wait, timeout, force).get(0);
    }

    /**
     * Shuts several domains down together: every request is sent first, then each is waited for within the one
     * shared timeout, so N guests take as long as the slowest rather than the sum.
     */
    public List<Outcome> shutdownAll(List<DomainSummary> domains, Hypervisor.ShutdownRequest request, boolean wait,
                                     Duration timeout, boolean force) {
        if (request == Hypervisor.ShutdownRequest.ACPI_POWER_BUTTON) {
            requirePowerButtons(domains);
        }
        Duration limit = timeout == null && force ? DEFAULT_FORCE_TIMEOUT : timeout;
        List<Hypervisor.DomainWatch> watches = new ArrayList<>();
        try {
            for (DomainSummary domain : domains) {
                if (domain.isActive()) {
                    Hypervisor.DomainWatch watch = hypervisor.watch(domain.uuid());
                    watches.add(watch);
                    if (!attempt(domain, STOPPED::test, () -> hypervisor.shutdown(domain.uuid(), request))) {
                        watch.close();
                        watches.set(watches.size() - 1, null);
                    }
                } else {
                    watches.add(null);
                }
            }
            long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < domains.size(); i++) {
                DomainSummary domain = domains.get(i);
                Hypervisor.DomainWatch watch = watches.get(i);
                if (watch == null) {
                    outcomes.add(unchanged("shutdown", domain.isActive() ? current(domain) : domain,
                            "is already shut off"));
                } else if (!wait && !force) {
                    outcomes.add(changed("shutdown", current(domain), "is shutting down"));
                } else {
                    outcomes.add(finishShutdown(domain, watch, remaining(deadline), limit, force));
                }
            }
            return outcomes;
        } finally {
            watches.stream().filter(Objects::nonNull).forEach(Hypervisor.DomainWatch::close);
        }
    }

    /**
     * Refuses, before any request is sent, running guests that have no ACPI power button: in Xen only an HVM guest
     * has the emulated PM block the button sets; Xen refuses the trigger for a PV guest and, for a PVH guest, takes
     * it and does nothing (Xen 4.17's hvm_acpi_power_button returns at once without a virtual PM block).
     */
    private void requirePowerButtons(List<DomainSummary> domains) {
        List<String> without = new ArrayList<>();
        for (DomainSummary domain : domains) {
            if (domain.isActive()) {
                DomainDetails details = hypervisor.details(domain);
                if (!"hvm".equals(details.osType())) {
                    without.add(domain.name() + " (" + details.guestType() + ")");
                }
            }
        }
        if (!without.isEmpty()) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "no ACPI power button to press in " + String.join(", ",
                    without) + ": Xen emulates one for HVM guests only", "shut " + (without.size() == 1 ? "it"
                    : "them") + " down without --acpi: Xen's PV shutdown request reaches PV and PVH guests");
        }
    }

    private Outcome finishShutdown(DomainSummary domain, Hypervisor.DomainWatch watch, Duration left,
                                   Duration limit, boolean force) {
        try {
            watch.await(STOPPED, left);
            awaitRelease(domain, watch);
            return changed("shutdown", current(domain), "has shut down");
        } catch (XenctlException e) {
            if (e.code() != ErrorCode.TIMEOUT) {
                throw e;
            }
            if (!force) {
                // Said with the user's own limit: with --all, this domain's wait had only what was left of it.
                throw new XenctlException(ErrorCode.TIMEOUT, "domain " + domain.name() + " is not shut off after "
                        + seconds(limit) + " (it is " + current(domain).state().label() + ")", "wait longer with "
                        + "--timeout, or give --force to destroy it when the time is up", e);
            }
        }
        hypervisor.destroy(domain.uuid());
        watch.await(STOPPED, DEFAULT_DESTROY_TIMEOUT);
        awaitRelease(domain, watch);
        DomainSummary after = current(domain);
        return new Outcome("shutdown", after.name(), after.uuid(), true, after.state(), true,
                "Domain " + after.name() + " did not shut down within " + seconds(limit) + ": destroyed.");
    }

    private static Duration remaining(long deadline) {
        return deadline == Long.MAX_VALUE ? null : Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** Stops the domain at once and returns when the hypervisor has really released it. */
    public Outcome destroy(DomainSummary domain, Duration timeout) {
        if (!domain.isActive()) {
            return unchanged("destroy", domain, "is already shut off");
        }
        try (Hypervisor.DomainWatch watch = hypervisor.watch(domain.uuid())) {
            if (!attempt(domain, STOPPED::test, () -> hypervisor.destroy(domain.uuid()))) {
                return unchanged("destroy", current(domain), "is already shut off");
            }
            watch.await(STOPPED, timeout == null ? DEFAULT_DESTROY_TIMEOUT : timeout);
            awaitRelease(domain, watch);
        }
        return changed("destroy", current(domain), "destroyed");
    }

    /**
     * Once the domain is shut off, waits until a transient one is gone too: libvirt's libxl driver reports it shut
     * off while it is still torn down, and until then its name is taken (on the lab, a create of the same xl.cfg
     * file right after a PVH guest's shutdown --wait was refused). A persistent domain stays, shut off. Past
     * {@link #RELEASE_TIMEOUT} the stop is still done: the guest no longer runs.
     */
    private void awaitRelease(DomainSummary domain, Hypervisor.DomainWatch watch) {
        Optional<DomainSummary> now = hypervisor.refresh(domain.uuid());
        try {
            if (now.isEmpty() || now.get().isActive() || hypervisor.details(now.get()).persistent()) {
                return;
            }
            watch.await(GONE, RELEASE_TIMEOUT);
        } catch (XenctlException e) {
            if (e.code() != ErrorCode.TIMEOUT && e.code() != ErrorCode.DOMAIN_NOT_FOUND) {
                throw e;
            }
        }
    }

    /** Asks the guest to reboot; with {@code wait}, returns once it has restarted and is running again. */
    public Outcome reboot(DomainSummary domain, boolean wait, Duration timeout) {
        requireActive(domain, "reboot");
        try (Hypervisor.DomainWatch watch = hypervisor.watch(domain.uuid())) {
            hypervisor.reboot(domain.uuid());
            if (wait) {
                // libxl restarts the guest under a new id with a "started" event; drivers that reboot in place
                // (libvirt's test driver) show it only by a new state reason.
                watch.await(condition("running again after the reboot", now -> now.isPresent()
                        && now.get().state() == DomainState.RUNNING
                        && (watch.sawRestart() || now.get().id() != domain.id()
                        || !now.get().reason().equals(domain.reason()))), timeout);
                return changed("reboot", current(domain), "has rebooted");
            }
        }
        return changed("reboot", current(domain), "is rebooting");
    }

    public Outcome pause(DomainSummary domain) {
        if (domain.state() == DomainState.PAUSED) {
            return unchanged("pause", domain, "is already paused");
        }
        requireActive(domain, "pause");
        if (!attempt(domain, now -> now.isPresent() && now.get().state() == DomainState.PAUSED,
                () -> hypervisor.pause(domain.uuid()))) {
            return unchanged("pause", current(domain), "is already paused");
        }
        return changed("pause", current(domain), "paused");
    }

    public Outcome unpause(DomainSummary domain) {
        requireActive(domain, "unpause");
        if (domain.state() != DomainState.PAUSED) {
            return unchanged("unpause", domain, "is not paused (" + domain.state().label() + ")");
        }
        if (!attempt(domain, now -> now.isPresent() && now.get().isActive()
                && now.get().state() != DomainState.PAUSED, () -> hypervisor.unpause(domain.uuid()))) {
            DomainSummary now = current(domain);
            return unchanged("unpause", now, "is not paused (" + now.state().label() + ")");
        }
        return changed("unpause", current(domain), "unpaused");
    }

    /**
     * Guest S3, suspend to RAM (virDomainPMSuspendForDuration; not xl's pause): the guest's kernel suspends itself,
     * so the change is asynchronous; with {@code wait}, returns once the domain is pmsuspended.
     */
    public Outcome suspend(DomainSummary domain, boolean wait, Duration timeout) {
        if (domain.state() == DomainState.PMSUSPENDED) {
            return unchanged("suspend", domain, "is already suspended");
        }
        requireActive(domain, "suspend");
        if (domain.state() == DomainState.PAUSED) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "cannot suspend domain " + domain.name() + ": it is "
                    + "paused, and a paused guest cannot suspend itself", "unpause it first: xenctl unpause "
                    + domain.name());
        }
        try (Hypervisor.DomainWatch watch = hypervisor.watch(domain.uuid())) {
            if (!attempt(domain, SUSPENDED::test, () -> hypervisor.suspendToMemory(domain.uuid()))) {
                return unchanged("suspend", current(domain), "is already suspended");
            }
            if (wait) {
                watch.await(condition("suspended", SUSPENDED), timeout);
                return changed("suspend", current(domain), "is suspended (S3)");
            }
        }
        return changed("suspend", current(domain), "is suspending (S3)");
    }

    /** Wakes a guest from S3 (virDomainPMWakeup); with {@code wait}, returns once it runs again. */
    public Outcome resume(DomainSummary domain, boolean wait, Duration timeout) {
        requireActive(domain, "resume");
        if (domain.state() != DomainState.PMSUSPENDED) {
            return unchanged("resume", domain, "is not suspended (" + domain.state().label() + ")");
        }
        java.util.function.Predicate<Optional<DomainSummary>> awake =
                now -> now.isPresent() && now.get().isActive() && now.get().state() != DomainState.PMSUSPENDED;
        try (Hypervisor.DomainWatch watch = hypervisor.watch(domain.uuid())) {
            if (!attempt(domain, awake, () -> hypervisor.wakeUp(domain.uuid()))) {
                DomainSummary now = current(domain);
                return unchanged("resume", now, "is not suspended (" + now.state().label() + ")");
            }
            if (wait) {
                watch.await(condition("awake", awake), timeout);
                return changed("resume", current(domain), "has resumed");
            }
        }
        return changed("resume", current(domain), "is resuming");
    }

    private static final java.util.function.Predicate<Optional<DomainSummary>> SUSPENDED =
            now -> now.isPresent() && now.get().state() == DomainState.PMSUSPENDED;

    public Outcome rename(DomainSummary domain, String newName) {
        if (domain.name().equals(newName)) {
            return unchanged("rename", domain, "is already named " + newName);
        }
        hypervisor.rename(domain.uuid(), newName);
        return changed("rename", current(domain), "renamed from " + domain.name());
    }

    public Outcome autostart(DomainSummary domain, boolean enabled) {
        DomainDetails details = hypervisor.details(domain);
        if (details.autostart() == enabled) {
            return unchanged("autostart", domain, enabled ? "already starts with the host"
                    : "already does not start with the host");
        }
        hypervisor.setAutostart(domain.uuid(), enabled);
        return changed("autostart", domain, enabled ? "will start with the host" : "will no longer start with the host");
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
            return unchanged("undefine", domain, "is transient: there is no definition to remove");
        }
        try {
            hypervisor.undefine(domain.uuid());
        } catch (XenctlException e) {
            // Another process undefined it first: gone, or left running as a transient domain.
            Optional<DomainSummary> now = reread(domain, e);
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

    private static final java.util.function.Predicate<Optional<DomainSummary>> RUNNING =
            now -> now.isPresent() && now.get().isActive();

    /**
     * Makes a change, and returns true; when the hypervisor refuses it but the domain, read again, is as
     * {@code reached} asks (someone else made the change meanwhile), returns false instead of failing.
     */
    private boolean attempt(DomainSummary domain, java.util.function.Predicate<Optional<DomainSummary>> reached,
                            Runnable change) {
        try {
            change.run();
            return true;
        } catch (XenctlException e) {
            if (reached.test(reread(domain, e))) {
                return false;
            }
            throw e;
        }
    }

    /** The domain read again after {@code failure}; a failure to read it is the original one's to report. */
    private Optional<DomainSummary> reread(DomainSummary domain, XenctlException failure) {
        if (failure.code() == ErrorCode.INTERRUPTED || failure.code() == ErrorCode.TIMEOUT
                || failure.code().kind() == ErrorKind.HOST) {
            throw failure;
        }
        try {
            return hypervisor.refresh(domain.uuid());
        } catch (XenctlException again) {
            throw failure;
        }
    }

    private static void requireActive(DomainSummary domain, String action) {
        if (!domain.isActive()) {
            throw new XenctlException(ErrorCode.WRONG_STATE,
                    "cannot " + action + " domain " + domain.name() + ": it is shut off",
                    "start it first: xenctl start " + domain.name());
        }
    }

    /** The domain as it is now; a transient domain that vanished reads as shut off. */
    private DomainSummary current(DomainSummary before) {
        return hypervisor.refresh(before.uuid()).orElseGet(() -> new DomainSummary(-1, before.name(),
                before.uuid(), DomainState.SHUTOFF, "unknown", before.memoryKiB(), before.maxMemoryKiB(),
                before.vcpus(), 0));
    }

    private static Outcome changed(String action, DomainSummary after, String what) {
        return new Outcome(action, after.name(), after.uuid(), true, after.state(), false,
                "Domain " + after.name() + " " + what + ".");
    }

    private static Outcome unchanged(String action, DomainSummary domain, String what) {
        return new Outcome(action, domain.name(), domain.uuid(), false, domain.state(), false,
                "Domain " + domain.name() + " " + what + ".");
    }

    private static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    static Hypervisor.Condition condition(String description,
                                          java.util.function.Predicate<Optional<DomainSummary>> test) {
        return new Hypervisor.Condition() {
            @Override
            public boolean test(Optional<DomainSummary> now) {
                return test.test(now);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}
