package org.xenctl.cli;

import java.util.List;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.Outcome;
import org.xenctl.domain.SchedulerSettings;
import org.xenctl.domain.VcpuPlacement;
import org.xenctl.render.view.ActionView;
import org.xenctl.render.view.DomainInfoView;
import org.xenctl.render.view.DomainRow;

/** Turns domain records into the views whose fields are the JSON contract. */
final class Views {
    private Views() {
    }

    static DomainRow row(DomainSummary d) {
        DomainSummary.Resources r = d.hasResources() ? d.resources() : null;
        return new DomainRow(d.id() >= 0 ? d.id() : null, d.name(), d.uuid(), d.state().label(), d.reason(),
                r == null ? null : r.memoryKiB(), r == null ? null : r.maxMemoryKiB(),
                r == null ? null : r.vcpus(), r == null ? null : r.cpuTimeNs());
    }

    static DomainInfoView info(DomainDetails details, SchedulerSettings scheduler, List<VcpuPlacement> vcpus) {
        DomainSummary d = details.summary();
        List<DomainInfoView.Disk> disks = details.disks().stream()
                .map(x -> new DomainInfoView.Disk(x.target(), x.bus(), x.device(), x.source(), x.readOnly()))
                .toList();
        List<DomainInfoView.Nic> nics = details.nics().stream()
                .map(x -> new DomainInfoView.Nic(x.mac(), x.type(), x.source(), x.model(), x.ifname()))
                .toList();
        List<DomainInfoView.Pci> pci = details.pciDevices().stream()
                .map(x -> new DomainInfoView.Pci(x.addressText(), x.managed()))
                .toList();
        return new DomainInfoView(d.id() >= 0 ? d.id() : null, d.name(), d.uuid(), d.state().label(), d.reason(),
                d.memoryKiB(), d.maxMemoryKiB(), d.vcpus(), d.cpuTimeNs(), details.osType(), details.guestType(),
                details.persistent(), details.autostart(), new DomainInfoView.Devices(disks, nics, pci),
                scheduler == null ? null
                        : new DomainInfoView.Scheduler(scheduler.scheduler(), scheduler.weight(), scheduler.cap()),
                vcpus.stream().map(v -> new DomainInfoView.VcpuSlot(v.vcpu(), v.cpu(), v.state(),
                        v.affinity().toString())).toList());
    }

    static ActionView action(Outcome o) {
        return new ActionView(o.action(), o.name(), o.uuid(), o.changed(), o.state().label(), o.forced(),
                o.message());
    }
}
