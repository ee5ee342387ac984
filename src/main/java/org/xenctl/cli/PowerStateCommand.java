package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.Outcome;
import org.xenctl.render.View;

/**
 * suspend and resume: the guest's own S3, suspend to RAM, and the wake-up from it (virsh's dompmsuspend and
 * dompmwakeup). Not virsh's suspend and resume, which pause and unpause the domain: xenctl keeps xl's pause and
 * unpause for that. Idempotent; --wait returns once the guest has got there.
 */
abstract class PowerStateCommand extends HypervisorCommand {
    final WaitOptions waitOptions;
    String domain;

    private final String waitsUntil;

    /** @param waitsUntil what --wait waits for, after the domain's name: "has suspended" */
    PowerStateCommand(String waitsUntil) {
        this.waitsUntil = waitsUntil;
        waitOptions = WaitOptions.whenAsked("the guest " + waitsUntil);
    }

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(waitOptions)
                .domain(v -> domain = v);
    }

    abstract Outcome change(Session session, DomainSummary found);

    @Override
    View execute(Session session) {
        DomainSummary found = session.hypervisor().lookup(DomainRef.of(domain));
        try (WaitProgress progress = waitOptions.waiting() ? WaitProgress.start(invocation(), "waiting until "
                + found.name() + " " + waitsUntil) : null) {
            return Views.action(change(session, found));
        }
    }

    static final class Suspend extends PowerStateCommand {
        Suspend() {
            super("has suspended");
        }

        @Override
        Outcome change(Session session, DomainSummary found) {
            return session.lifecycle().suspend(found, waitOptions.waiting(), waitOptions.timeout());
        }
    }

    static final class Resume extends PowerStateCommand {
        Resume() {
            super("runs again");
        }

        @Override
        Outcome change(Session session, DomainSummary found) {
            return session.lifecycle().resume(found, waitOptions.waiting(), waitOptions.timeout());
        }
    }
}
