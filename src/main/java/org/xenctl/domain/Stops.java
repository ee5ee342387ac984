package org.xenctl.domain;

import static org.xenctl.domain.DomainChanges.GONE;
import static org.xenctl.domain.DomainChanges.STOPPED;
import static org.xenctl.domain.DomainChanges.changed;
import static org.xenctl.domain.DomainChanges.condition;
import static org.xenctl.domain.DomainChanges.requireActive;
import static org.xenctl.domain.DomainChanges.seconds;
import static org.xenctl.domain.DomainChanges.unchanged;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verbs that stop a running domain, for {@link Lifecycle}: shutdown (one or many, asked or forced), destroy,
 * reboot. Each waits on the domain's events for what libxl does asynchronously, and returns only once the
 * hypervisor really reached the state: a transient domain is also released, a rebooted one runs again.
 */
final class Stops {
    /** How long a stopped transient domain may take to be released; past it, the stop is still reported done. */
    static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(15);
    /** How long libvirt may hold a shut-off domain in its shutdown handling when the caller set no limit. */
    static final Duration HANDLING_LIMIT = Duration.ofSeconds(120);
    /** The least a caller's nearly spent limit still grants that handling: a restart is seen in a few seconds. */
    private static final Duration HANDLING_MINIMUM = Duration.ofSeconds(5);

    private final Hypervisor hypervisor;
    private final DomainChanges changes;
    private final Leftovers leftovers;
    /** How long a rebooting domain may stay shut off (its new domain being built) before it is taken for stopped. */
    private final Duration restartGrace;

    Stops(Hypervisor hypervisor, DomainChanges changes, Leftovers leftovers, Duration restartGrace) {
        this.hypervisor = hypervisor;
        this.changes = changes;
        this.leftovers = leftovers;
        this.restartGrace = restartGrace;
    }

    /**
     * Shuts several domains down together: the requests are sent at once ({@link RequestsInFlight}: libxl holds each
     * until the guest acknowledges it, up to 60 s), then each domain is waited for within the one shared timeout,
     * which counts from the requests, so N guests take as long as the slowest rather than the sum. A request still
     * held when the time is up is the guest's TIMEOUT, or with {@code force} it is destroyed (once libxl lets go of
     * the domain: libvirt keeps it locked meanwhile). A guest that cannot take the
     * request (paused, suspended to RAM, or one whose request libvirt fails) does not keep the others from being
     * asked: with {@code force} it is destroyed when the time is up, as one that did not stop; without, the first
     * such failure is reported once the others are done.
     */
    List<Outcome> shutdownAll(List<DomainSummary> domains, Hypervisor.ShutdownRequest request, boolean wait,
            Duration timeout, boolean force) {
        for (DomainSummary domain : domains) {
            ControlDomain.refuse(domain, "shut down", "it would shut the host down", "shut the host down from "
                    + "itself (poweroff); shut its guests down first with xenctl shutdown --all --wait");
        }
        if (request == Hypervisor.ShutdownRequest.ACPI_POWER_BUTTON) {
            requirePowerButtons(domains);
        } else if (!force) {
            requireAwake(domains, "shut down", "give --force to destroy %s when the time is up");
        }
        Duration limit = timeout == null && force ? Lifecycle.DEFAULT_FORCE_TIMEOUT : timeout;
        // The time limit counts from here, the requests included: libxl holds each until the guest acknowledges it.
        long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        List<Hypervisor.DomainWatch> watches = new ArrayList<>();
        // Why no request reached a domain that is still waited for (and destroyed when the time is up), or null.
        List<String> unasked = new ArrayList<>();
        XenctlException refused = null;
        try {
            List<Integer> asked = new ArrayList<>();
            List<Runnable> requests = new ArrayList<>();
            boolean[] held = new boolean[domains.size()];
            for (int i = 0; i < domains.size(); i++) {
                DomainSummary domain = domains.get(i);
                Hypervisor.DomainWatch watch = domain.isActive() ? hypervisor.watch(domain.uuid()) : null;
                watches.add(watch);
                String why = watch == null || request != Hypervisor.ShutdownRequest.DEFAULT ? null
                        : asleep(domain).map(state -> "was " + state + ", so no kernel ran in it to take the request")
                        .orElse(null);
                unasked.add(why);
                if (watch != null && why == null) {
                    asked.add(i);
                    // The request alone on its thread: what follows a failure reads the domain here, afterwards.
                    requests.add(() -> hypervisor.shutdown(domain.uuid(), request));
                }
            }
            List<RequestsInFlight.Result> results = RequestsInFlight.send(requests, deadline);
            for (int k = 0; k < asked.size(); k++) {
                int i = asked.get(k);
                Answer answer = answerOf(domains.get(i), results.get(k), limit);
                if (answer.failure() != null && force) {
                    unasked.set(i, answer.why());
                } else if (answer.failure() != null || answer.wasOff()) {
                    refused = refused == null ? answer.failure() : refused;
                    held[i] = answer.held();
                    watches.get(i).close();
                    watches.set(i, null);
                }
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < domains.size(); i++) {
                DomainSummary domain = domains.get(i);
                Hypervisor.DomainWatch watch = watches.get(i);
                if (held[i]) {
                    // Its request still holds the domain in libvirt, where reading it would wait as long; the
                    // command fails on it below.
                    continue;
                }
                if (watch == null) {
                    outcomes.add(unchanged("shutdown", domain.isActive() ? changes.current(domain) : domain,
                            "is already shut off"));
                } else if (!wait && !force) {
                    outcomes.add(changed("shutdown", changes.current(domain), "is shutting down"));
                } else {
                    outcomes.add(finishShutdown(domain, watch, remaining(deadline), limit, force, unasked.get(i)));
                }
            }
            if (refused != null) {
                throw new XenctlException(refused.code(), refused.getMessage(), (domains.size() > 1 ? "the other "
                        + "domains were asked all the same; " : "") + (refused.hint() != null ? refused.hint()
                        : "give --force to destroy it when the time is up, or destroy it"), refused);
            }
            return outcomes;
        } finally {
            watches.stream().filter(Objects::nonNull).forEach(Hypervisor.DomainWatch::close);
        }
    }

    /**
     * What one request's result says of its domain: it was off already; or why it did not take the request, with the
     * failure that says so, and whether libxl still holds it; or nothing (the request was taken).
     */
    private record Answer(boolean wasOff, String why, XenctlException failure, boolean held) {
        static final Answer TAKEN = new Answer(false, null, null, false);
    }

    private Answer answerOf(DomainSummary domain, RequestsInFlight.Result result, Duration limit) {
        if (result instanceof RequestsInFlight.Pending pending) {
            return new Answer(false, pending.sent() ? "had not acknowledged the request when the time was up"
                    : "was never asked: the requests of guests that did not answer held libvirt until the time was "
                            + "up", unanswered(domain, pending.sent(), limit), true);
        }
        if (!(result instanceof RequestsInFlight.Failed failed)) {
            return Answer.TAKEN;
        }
        if (!(failed.failure() instanceof XenctlException e)) {
            throw failed.failure();
        }
        if (stoppedAfter(domain, e)) {
            return new Answer(true, null, null, false);
        }
        if (!refusedByDomain(e)) {
            throw e;
        }
        return new Answer(false, "did not take the request (" + e.getMessage() + ")", e, false);
    }

    /** Whether a failed request found the domain shut off already (it stopped meanwhile). */
    private boolean stoppedAfter(DomainSummary domain, XenctlException failure) {
        try {
            return STOPPED.test(changes.reread(domain, failure));
        } catch (XenctlException notRead) {
            return false;
        }
    }

    /** TIMEOUT for a domain whose request was still held, or never sent, when the caller's limit passed. */
    private static XenctlException unanswered(DomainSummary domain, boolean sent, Duration limit) {
        return new XenctlException(ErrorCode.TIMEOUT, sent ? "domain " + domain.name() + " has not acknowledged "
                + "the shutdown request after " + seconds(limit) + " (libxl waits up to 60 s for a guest to take it: "
                + "a hung kernel never does)" : "domain " + domain.name() + " was not asked to shut down within "
                + seconds(limit) + ": other guests that did not answer held every request",
                "give --force to destroy it when the time is up, or destroy it");
    }

    /**
     * A failure of one domain's request that says nothing of the others (libxl's "Failed to shutdown domain" for
     * a guest that does not answer, a state changed meanwhile), unlike a lost connection or an interruption.
     */
    private static boolean refusedByDomain(XenctlException e) {
        return e.code() == ErrorCode.OPERATION_FAILED || e.code() == ErrorCode.WRONG_STATE
                || e.code() == ErrorCode.UNSUPPORTED;
    }

    /** "paused" or "suspended to RAM (S3)": a state in which no kernel runs to take a request. */
    private static Optional<String> asleep(DomainSummary domain) {
        return switch (domain.state()) {
            case PAUSED -> Optional.of("paused");
            case PMSUSPENDED -> Optional.of("suspended to RAM (S3)");
            default -> Optional.empty();
        };
    }

    /**
     * A paused guest, or one suspended to RAM, runs no kernel that could take a shutdown or reboot request: libxl
     * fails it ("Failed to shutdown domain with libxenlight", seen on the lab, after 60 s). Said before anything
     * is sent, naming every such domain; {@code otherWay} is a hint's last choice, with %s for "it" or "them".
     */
    static void requireAwake(List<DomainSummary> domains, String verb, String otherWay) {
        List<DomainSummary> asleep = domains.stream().filter(d -> asleep(d).isPresent()).toList();
        if (asleep.isEmpty()) {
            return;
        }
        String them = asleep.size() == 1 ? "it" : "them";
        String wake = String.join(", ", asleep.stream().map(d -> "xenctl " + (d.state() == DomainState.PAUSED
                ? "unpause " : "resume ") + d.name()).distinct().toList());
        String what = asleep.size() == 1
                ? asleep.get(0).name() + ": it is " + asleep(asleep.get(0)).orElseThrow() + ", and no kernel runs in "
                        + "it to take the request"
                : String.join(", ", asleep.stream().map(d -> d.name() + " (" + asleep(d).orElseThrow() + ")")
                        .toList()) + ": no kernel runs in them to take the request";
        String orDestroy = otherWay == null ? "or destroy " + them : "destroy " + them + ", or " + otherWay.formatted(them);
        throw new XenctlException(ErrorCode.WRONG_STATE, "cannot " + verb + " " + what, "let " + them + " run first ("
                + wake + "), " + orDestroy + "; nothing was sent");
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

    /** Waits for one domain of a shutdown; {@code unasked} says why no request reached it (or is null). */
    private Outcome finishShutdown(DomainSummary domain, Hypervisor.DomainWatch watch, Duration left,
                                   Duration limit, boolean force, String unasked) {
        String why = null;
        try {
            // A start event after the request is a restart: the shut-off moment may fall between two looks.
            long asked = System.nanoTime();
            watch.await(condition("shut off", now -> STOPPED.test(now) || watch.sawRestart()), left);
            awaitHandled(domain, watch, left == null ? null : left.minusNanos(System.nanoTime() - asked));
            awaitRelease(domain, watch);
            DomainSummary after = changes.current(domain);
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
                        + seconds(limit) + " (it is " + changes.current(domain).state().label() + ")",
                        "wait longer with --timeout, or give --force to destroy it when the time is up", e);
            }
        }
        hypervisor.destroy(domain.uuid());
        watch.await(STOPPED, Lifecycle.DEFAULT_DESTROY_TIMEOUT);
        awaitRelease(domain, watch);
        DomainSummary after = changes.current(domain);
        return new Outcome("shutdown", after.name(), after.uuid(), true, after.state(), true,
                "Domain " + after.name() + (why != null ? why + ": destroyed" : unasked != null ? " " + unasked
                        + ": destroyed after " + seconds(limit) : " did not shut down within " + seconds(limit)
                        + ": destroyed") + ".");
    }

    /**
     * Once the domain shows shut off, waits until libvirt is done with its shutdown: its libxl driver marks the
     * domain shut off as soon as it takes the guest's shutdown, under a job, then destroys it and, when the
     * on_poweroff (on_reboot, on_crash) action says restart, builds it again, which took 24 s on the Xen lab (a CI
     * run on a busier machine was told "has shut down" of a guest that was being started again). Done means gone,
     * running again, or no job left on it; at most the rest of the caller's limit (a few seconds at least), or
     * {@link #HANDLING_LIMIT} without one. The caller reads the state after this, so after the job's end.
     */
    private void awaitHandled(DomainSummary domain, Hypervisor.DomainWatch watch, Duration left) {
        Duration limit = left == null ? HANDLING_LIMIT : left.compareTo(HANDLING_MINIMUM) < 0 ? HANDLING_MINIMUM : left;
        try {
            watch.await(condition("done with by libvirt", now -> now.isEmpty() || now.get().isActive()
                    || watch.sawRestart() || !stillHandled(domain.uuid())), limit);
        } catch (XenctlException e) {
            if (e.code() != ErrorCode.TIMEOUT && e.code() != ErrorCode.DOMAIN_NOT_FOUND) {
                throw e;
            }
        }
    }

    /** Whether libvirt holds a job on the domain; a driver that keeps none (the test driver) says no. */
    private boolean stillHandled(String uuid) {
        try {
            return hypervisor.hasJob(uuid);
        } catch (XenctlException e) {
            if (e.code() == ErrorCode.CONNECTION_LOST) {
                throw e;
            }
            return false;
        }
    }

    private static Duration remaining(long deadline) {
        return deadline == Long.MAX_VALUE ? null : Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** Stops the domain at once and returns when the hypervisor has really released it. */
    Outcome destroy(DomainSummary domain, Duration timeout) {
        ControlDomain.refuse(domain, "destroy", "it would crash the host with every guest on it", "shut the host "
                + "down from itself (poweroff)");
        if (!domain.isActive()) {
            return leftovers.isLeftover(domain) ? leftovers.remove("destroy", domain)
                    : unchanged("destroy", domain, "is already shut off");
        }
        try (Hypervisor.DomainWatch watch = hypervisor.watch(domain.uuid())) {
            if (!changes.attempt(domain, STOPPED::test, () -> hypervisor.destroy(domain.uuid()))) {
                return unchanged("destroy", changes.current(domain), "is already shut off");
            }
            watch.await(STOPPED, timeout == null ? Lifecycle.DEFAULT_DESTROY_TIMEOUT : timeout);
            awaitRelease(domain, watch);
        }
        return changed("destroy", changes.current(domain), "destroyed");
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
     * that is gone, or stays shut off for the restart grace (its on_reboot action, or a restart libvirt failed:
     * it keeps a transient one so), ends the wait with WRONG_STATE rather than at the timeout.
     */
    Outcome reboot(DomainSummary domain, boolean wait, Duration timeout) {
        ControlDomain.refuse(domain, "reboot", "it would reboot the host", "reboot the host from itself; move or "
                + "shut down its guests first (xenctl evacuate, xenctl shutdown --all --wait)");
        requireActive(domain, "reboot");
        requireAwake(List.of(domain), "reboot", null);
        try (Hypervisor.DomainWatch watch = hypervisor.watch(domain.uuid())) {
            boolean over = hypervisor.reboot(domain.uuid());
            if (wait) {
                // libxl restarts the guest under a new id with a "started" event; a driver that reboots in place
                // within the call (libvirt's test driver) says so, and its state is read once. libvirt shows a
                // libxl restart shut off while the new domain is built: only a long while shut off says it is not
                // coming back.
                Optional<DomainSummary> end = over ? hypervisor.refresh(domain.uuid())
                        : watch.await(runningAgain(domain, watch), timeout);
                if (end.isEmpty() || end.get().state() == DomainState.SHUTOFF) {
                    throw notBack(domain, end);
                }
                return changed("reboot", changes.current(domain), "has rebooted");
            }
        }
        return changed("reboot", changes.current(domain), "is rebooting");
    }

    /**
     * Running again after its reboot (under a new id, after a start event, or with a new state reason), gone, or
     * shut off for longer than the restart grace, counted from when libvirt holds no job on it.
     */
    private Hypervisor.Condition runningAgain(DomainSummary domain, Hypervisor.DomainWatch watch) {
        long[] offSince = {-1};
        return condition("running again after the reboot", now -> {
            if (now.isEmpty()) {
                return true;
            }
            if (now.get().state() == DomainState.SHUTOFF) {
                // libvirt's libxl driver builds the new domain under a job, which took 30 s on a loaded lab (CI run
                // of 2026-12-07 17:20): not shut off for good while it holds one
                if (stillHandled(domain.uuid())) {
                    offSince[0] = -1;
                    return false;
                }
                offSince[0] = offSince[0] < 0 ? System.nanoTime() : offSince[0];
                return System.nanoTime() - offSince[0] >= restartGrace.toNanos();
            }
            offSince[0] = -1;
            return now.get().state() == DomainState.RUNNING && (watch.sawRestart()
                    || now.get().id() != domain.id() || !now.get().reason().equals(domain.reason()));
        });
    }

    private XenctlException notBack(DomainSummary domain, Optional<DomainSummary> end) {
        String log = "/var/log/libvirt/libxl/" + domain.name() + ".log";
        if (end.isEmpty()) {
            return new XenctlException(ErrorCode.WRONG_STATE, "domain " + domain.name() + " is gone after its reboot "
                    + "instead of running again", "its on_reboot action may be destroy (xenctl dumpxml); the host's "
                    + "log says more: " + log);
        }
        boolean leftover = leftovers.isLeftover(end.get());
        return new XenctlException(ErrorCode.WRONG_STATE, "domain " + domain.name() + " is shut off after its reboot "
                + "instead of running again" + (leftover ? ": libvirt could not restart it" : ""), leftover
                ? "why is in the host's " + log + "; 'xenctl undefine " + domain.name() + "' removes what is left"
                : "its on_reboot action may be destroy, or the restart failed (the host's " + log + ")");
    }
}
