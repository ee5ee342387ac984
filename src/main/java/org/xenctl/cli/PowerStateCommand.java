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

    PowerStateCommand(String waitsUntil) {
        waitOptions = WaitOptions.whenAsked(waitsUntil);
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
        return Views.action(change(session, session.hypervisor().lookup(DomainRef.of(domain))));
    }

    static final class Suspend extends PowerStateCommand {
        Suspend() {
            super("the guest has suspended");
        }

        @Override
        Outcome change(Session session, DomainSummary found) {
            return session.lifecycle().suspend(found, waitOptions.waiting(), waitOptions.timeout());
        }
    }

    static final class Resume extends PowerStateCommand {
        Resume() {
            super("the guest runs again");
        }

        @Override
        Outcome change(Session session, DomainSummary found) {
            return session.lifecycle().resume(found, waitOptions.waiting(), waitOptions.timeout());
        }
    }
}
