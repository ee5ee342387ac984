package org.xenctl.cli;

import java.util.List;
import java.util.function.Supplier;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.ErrorKind;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.SchedulerSettings;
import org.xenctl.domain.VcpuPlacement;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;

/**
 * info (xl list -l's and virsh dominfo's): the domain, its devices, and where its vCPUs run and its scheduler share
 * (these two left out where the driver cannot read them, rather than failing the whole answer).
 */
final class InfoCommand extends HypervisorCommand {
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        Hypervisor hypervisor = session.hypervisor();
        DomainDetails details = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String uuid = details.summary().uuid();
        boolean running = details.summary().isActive();
        SchedulerSettings scheduler = running ? ifReadable(() -> hypervisor.scheduler(uuid)) : null;
        List<VcpuPlacement> vcpus = ifReadable(() -> hypervisor.vcpus(uuid, !running));
        return Views.info(details, scheduler, vcpus == null ? List.of() : vcpus);
    }

    /** What this driver will not read is left out; a lost connection or a vanished domain is still an error. */
    private static <T> T ifReadable(Supplier<T> read) {
        try {
            return read.get();
        } catch (XenctlException e) {
            if (e.code().kind() == ErrorKind.FAILURE) {
                return null;
            }
            throw e;
        }
    }
}
