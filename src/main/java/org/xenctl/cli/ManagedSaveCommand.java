package org.xenctl.cli;

import org.xenctl.domain.ControlDomain;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainState;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Outcome;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;

/**
 * managedsave (virsh's): the running domain saved where libvirt keeps it, and stopped; its next start restores it.
 * Idempotent: a shut-off domain that has a managed save already is left as it is. managedsave-remove discards one.
 */
abstract class ManagedSaveCommand extends HypervisorCommand {
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration.domain(v -> domain = v);
    }

    static final class Save extends ManagedSaveCommand {
        @Override
        View execute(Session session) {
            Hypervisor hypervisor = session.hypervisor();
            DomainSummary found = hypervisor.lookup(DomainRef.of(domain));
            ControlDomain.refuse(found, "save", "it would stop the host", "save its guests by name");
            if (!found.isActive()) {
                if (hypervisor.hasManagedSave(found.uuid())) {
                    return Views.action(new Outcome("managedsave", found.name(), found.uuid(), false, found.state(),
                            false, "Domain " + found.name() + " is saved already: start restores it."));
                }
                throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + found.name() + " is not running ("
                        + found.state().label() + "): there is nothing to save", null);
            }
            if (!hypervisor.details(found).persistent()) {
                throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + found.name() + " is transient: "
                        + "libvirt keeps a managed save only for a defined domain", "save it to a file instead: "
                        + "xenctl save " + found.name() + " FILE");
            }
            try (WaitProgress progress = WaitProgress.start(invocation(), "saving " + found.name())) {
                hypervisor.managedSave(found.uuid());
            }
            return Views.action(new Outcome("managedsave", found.name(), found.uuid(), true, DomainState.SHUTOFF,
                    false, "Domain " + found.name() + " saved by libvirt: start restores it."));
        }
    }

    static final class Remove extends ManagedSaveCommand {
        @Override
        View execute(Session session) {
            Hypervisor hypervisor = session.hypervisor();
            DomainSummary found = hypervisor.lookup(DomainRef.of(domain));
            if (!hypervisor.hasManagedSave(found.uuid())) {
                return Views.action(new Outcome("managedsave-remove", found.name(), found.uuid(), false,
                        found.state(), false, "Domain " + found.name() + " has no managed save: nothing to do."));
            }
            hypervisor.removeManagedSave(found.uuid());
            return Views.action(new Outcome("managedsave-remove", found.name(), found.uuid(), true, found.state(),
                    false, "Domain " + found.name() + "'s managed save discarded: start boots it."));
        }
    }
}
