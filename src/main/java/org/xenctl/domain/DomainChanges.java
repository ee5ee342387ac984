package org.xenctl.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What every lifecycle verb does around its one hypervisor call (see {@link Lifecycle}): the change made, or found
 * already made by someone else when the hypervisor refuses it (decided by reading the state again, never by the
 * message); the domain as it is now; the outcome in the words xenctl prints.
 */
final class DomainChanges {
    static final Predicate<Optional<DomainSummary>> RUNNING = now -> now.isPresent() && now.get().isActive();
    static final Hypervisor.Condition STOPPED = condition("shut off",
            now -> now.isEmpty() || !now.get().isActive());
    static final Hypervisor.Condition GONE = condition("gone", Optional::isEmpty);

    private final Hypervisor hypervisor;

    DomainChanges(Hypervisor hypervisor) {
        this.hypervisor = hypervisor;
    }

    /**
     * Makes a change, and returns true; when the hypervisor refuses it but the domain, read again, is as
     * {@code reached} asks (someone else made the change meanwhile), returns false instead of failing.
     */
    boolean attempt(DomainSummary domain, Predicate<Optional<DomainSummary>> reached, Runnable change) {
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
    Optional<DomainSummary> reread(DomainSummary domain, XenctlException failure) {
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

    /** The domain as it is now; a transient domain that vanished reads as shut off. */
    DomainSummary current(DomainSummary before) {
        return hypervisor.refresh(before.uuid()).orElseGet(() -> new DomainSummary(-1, before.name(),
                before.uuid(), DomainState.SHUTOFF, "unknown", before.memoryKiB(), before.maxMemoryKiB(),
                before.vcpus(), 0));
    }

    static void requireActive(DomainSummary domain, String action) {
        if (!domain.isActive()) {
            throw new XenctlException(ErrorCode.WRONG_STATE,
                    "cannot " + action + " domain " + domain.name() + ": it is shut off",
                    "start it first: xenctl start " + domain.name());
        }
    }

    static Outcome changed(String action, DomainSummary after, String what) {
        return new Outcome(action, after.name(), after.uuid(), true, after.state(), false,
                "Domain " + after.name() + " " + what + ".");
    }

    static Outcome unchanged(String action, DomainSummary domain, String what) {
        return new Outcome(action, domain.name(), domain.uuid(), false, domain.state(), false,
                "Domain " + domain.name() + " " + what + ".");
    }

    static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    static Hypervisor.Condition condition(String description, Predicate<Optional<DomainSummary>> test) {
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
