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
    /** How long a transient domain shut off may take to go by itself before it is taken for a failed restart's. */
    static final Duration LEFTOVER_GRACE = Duration.ofSeconds(5);
    /** How long a rebooting domain may stay shut off (its new domain being built) before it is taken for stopped. */
    static final Duration RESTART_GRACE = Duration.ofSeconds(30);

    private final Hypervisor hypervisor;
    private final Duration leftoverGrace;
    private final Duration restartGrace;

    public Lifecycle(Hypervisor hypervisor) {
        this(hypervisor, LEFTOVER_GRACE, RESTART_GRACE);
    }

    /** With shorter waits than a real host needs, for tests. */
    Lifecycle(Hypervisor hypervisor, Duration leftoverGrace, Duration restartGrace) {
        this.hypervisor = hypervisor;
        this.leftoverGrace = leftoverGrace;
        this.restartGrace = restartGrace;
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
        String why = null;
        try {
            // A start event after the request is a restart: the shut-off moment may fall between two looks.
            watch.await(condition("shut off", now -> STOPPED.test(now) || watch.sawRestart()), left);
            awaitRelease(domain, watch);
            DomainSummary after = current(domain);
            if (!after.isActive()) {
                return changed("shutdown", after, "has shut down");
            }
            // libvirt shows a restart shut off for a moment: the guest rebooted instead (Linux on Xen reboots on
            // a panic), or its on_poweroff action restarts it; it runs again, and will not stop by itself now.
            if (!force) {
                throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + domain.name() + " started again "
                        + "instead of shutting down (the guest rebooted, or its on_poweroff action is restart)",
                        "its console says why; give --force to destroy it once the time is up, or destroy it");
            }
            why = " started again instead of shutting down";
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
                "Domain " + after.name() + (why != null ? why : " did not shut down within " + seconds(limit))
                        + ": destroyed.");
    }

    private static Duration remaining(long deadline) {
        return deadline == Long.MAX_VALUE ? null : Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** Stops the domain at once and returns when the hypervisor has really released it. */
    public Outcome destroy(DomainSummary domain, Duration timeout) {
        if (!domain.isActive()) {
            return isLeftover(domain) ? removeLeftover("destroy", domain)
                    : unchanged("destroy", domain, "is already shut off");
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

    /**
     * Asks the guest to reboot; with {@code wait}, returns once it has restarted and is running again. A domain
     * that is gone, or stays shut off for {@link #RESTART_GRACE} (its on_reboot action, or a restart libvirt failed:
     * it keeps a transient one so), ends the wait with WRONG_STATE rather than at the timeout.
     */
    public Outcome reboot(DomainSummary domain, boolean wait, Duration timeout) {
        requireActive(domain, "reboot");
        try (Hypervisor.DomainWatch watch = hypervisor.watch(domain.uuid())) {
            hypervisor.reboot(domain.uuid());
            if (wait) {
                // libxl restarts the guest under a new id with a "started" event; drivers that reboot in place
                // (libvirt's test driver) show it only by a new state reason. libvirt shows a libxl restart shut
                // off while the new domain is built: only a long while shut off says it is not coming back.
                long[] offSince = {-1};
                Optional<DomainSummary> end = watch.await(condition("running again after the reboot", now -> {
                    if (now.isEmpty()) {
                        return true;
                    }
                    if (now.get().state() == DomainState.SHUTOFF) {
                        offSince[0] = offSince[0] < 0 ? System.nanoTime() : offSince[0];
                        return System.nanoTime() - offSince[0] >= restartGrace.toNanos();
                    }
                    offSince[0] = -1;
                    return now.get().state() == DomainState.RUNNING && (watch.sawRestart()
                            || now.get().id() != domain.id() || !now.get().reason().equals(domain.reason()));
                }), timeout);
                if (end.isEmpty() || end.get().state() == DomainState.SHUTOFF) {
                    throw notBack(domain, end);
                }
                return changed("reboot", current(domain), "has rebooted");
            }
        }
        return changed("reboot", current(domain), "is rebooting");
    }

    private XenctlException notBack(DomainSummary domain, Optional<DomainSummary> end) {
        String log = "/var/log/libvirt/libxl/" + domain.name() + ".log";
        if (end.isEmpty()) {
            return new XenctlException(ErrorCode.WRONG_STATE, "domain " + domain.name() + " is gone after its reboot "
                    + "instead of running again", "its on_reboot action may be destroy (xenctl dumpxml); the host's "
                    + "log says more: " + log);
        }
        boolean leftover = isLeftover(end.get());
        return new XenctlException(ErrorCode.WRONG_STATE, "domain " + domain.name() + " is shut off after its reboot "
                + "instead of running again" + (leftover ? ": libvirt could not restart it" : ""), leftover
                ? "why is in the host's " + log + "; 'xenctl undefine " + domain.name() + "' removes what is left"
                : "its on_reboot action may be destroy, or the restart failed (the host's " + log + ")");
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
            return domain.isActive() ? unchanged("undefine", domain, "is transient: there is no definition to remove")
                    : removeLeftover("undefine", domain);
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

    /**
     * Whether {@code domain} is transient and shut off: libvirt's libxl driver keeps a transient domain so when it
     * failed to restart it (a reboot whose new domain could not be created, say its vif's bridge had gone), and
     * for a moment while it tears one down. Either way the name stays taken until it is gone.
     */
    private boolean isLeftover(DomainSummary domain) {
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
     * Removes a transient domain libvirt keeps shut off (see {@link #isLeftover}): one being torn down goes by
     * itself within {@link #LEFTOVER_GRACE}; one left by a failed restart never does, and libvirt refuses to undefine
     * a transient domain, so it is defined from its own XML and then undefined. It is not started.
     */
    private Outcome removeLeftover(String action, DomainSummary domain) {
        try (Hypervisor.DomainWatch watch = hypervisor.watch(domain.uuid())) {
            try {
                watch.await(GONE, leftoverGrace);
                return unchanged(action, domain, "is gone (libvirt was tearing it down)");
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
