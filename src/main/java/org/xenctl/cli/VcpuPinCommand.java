package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.CpuList;
import org.xenctl.domain.Devices;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.domain.VcpuPlacement;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;
import org.xenctl.render.view.ResourceChangeView;

/**
 * vcpu-pin (xl's): one vCPU, or all, pinned to a CPU list (hard affinity), where the scope says and only where it
 * differs. Soft affinity has no libvirt call for Xen: asking for one is refused rather than dropped.
 */
final class VcpuPinCommand extends HypervisorCommand {
    final DeviceScopeOptions scopeOptions = new DeviceScopeOptions();
    String domain;
    String vcpu;
    String cpus;
    String soft;

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(scopeOptions)
                .domain(v -> domain = v)
                .parameter("1", "VCPU", String.class, "the vCPU number, or all", v -> vcpu = v)
                .parameter("2", "CPUS", String.class, "xl's CPU list: all, 3, 0-3, 0-7,^2", v -> cpus = v)
                .optionalParameter("3", "SOFT", String.class, "soft affinity: only '-' (none), as libvirt cannot "
                        + "set one for Xen", v -> soft = v);
    }

    @Override
    View execute(Session session) {
        if (soft != null && !soft.equals("-")) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "soft affinity (" + soft + ") cannot be set through "
                    + "libvirt for Xen", "give the hard affinity only (xl vcpu-pin in the dom0 sets a soft one)");
        }
        if (!vcpu.equals("all") && !vcpu.matches("[0-9]{1,5}")) {
            throw new XenctlException(ErrorCode.USAGE, "'" + vcpu + "' is not a vCPU number", "give a number from "
                    + "vcpu-list, or all");
        }
        Hypervisor hypervisor = session.hypervisor();
        Devices devices = new Devices(hypervisor);
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        String uuid = target.summary().uuid();
        DeviceScope scope = scopeOptions.resolve(devices, target);
        CpuList wanted = CpuList.parse(cpus, hypervisor.hostCpus());
        List<VcpuPlacement> live = scope.live() ? hypervisor.vcpus(uuid, false) : List.of();
        List<VcpuPlacement> config = scope.config() ? hypervisor.vcpus(uuid, true) : List.of();
        int count = Math.max(live.size(), config.size());
        List<Integer> chosen = new ArrayList<>();
        if (vcpu.equals("all")) {
            for (int i = 0; i < count; i++) {
                chosen.add(i);
            }
        } else {
            int number = Integer.parseInt(vcpu);
            if (number >= count) {
                throw new XenctlException(ErrorCode.OUT_OF_RANGE, "domain " + name + " has no vCPU " + number + " (it "
                        + "has " + count + ", numbered from 0)", "vcpu-list " + name + " shows them");
            }
            if (offline(live, number) && !scope.config()) {
                throw new XenctlException(ErrorCode.WRONG_STATE, "vCPU " + number + " of " + name + " is offline: "
                        + "libvirt pins the running domain's online vCPUs only", "bring it online first (xenctl "
                        + "vcpu-set " + name + " " + (number + 1) + ")" + (config.isEmpty() ? ""
                        : ", or pin it in the definition (--config)"));
            }
            chosen.add(number);
        }
        boolean anyLive = false;
        boolean anyConfig = false;
        for (int number : chosen) {
            // An offline vCPU's pinning is the definition's only: libvirt refuses it live ("vcpu '1' is not
            // active", seen on the lab), and "all" failed there after pinning the online ones.
            DeviceScope toChange = new DeviceScope(!offline(live, number) && differs(live, number, wanted),
                    differs(config, number, wanted));
            if (toChange.live() || toChange.config()) {
                hypervisor.pinVcpu(uuid, number, wanted, toChange);
                anyLive |= toChange.live();
                anyConfig |= toChange.config();
            }
        }
        String which = vcpu.equals("all") ? "every vCPU of " + name : "vCPU " + vcpu + " of " + name;
        if (!anyLive && !anyConfig) {
            return new ResourceChangeView(name, "affinity", wanted.toString(), false, false, false, which
                    + " may run on CPUs " + wanted + " already: nothing to do");
        }
        DeviceScope where = new DeviceScope(anyLive, anyConfig);
        return new ResourceChangeView(name, "affinity", wanted.toString(), true, anyLive, anyConfig, which
                + " pinned to CPUs " + wanted + " (" + Devices.where(where) + ")");
    }

    private static boolean offline(List<VcpuPlacement> live, int vcpu) {
        return vcpu < live.size() && "offline".equals(live.get(vcpu).state());
    }

    private static boolean differs(List<VcpuPlacement> placements, int vcpu, CpuList wanted) {
        return vcpu < placements.size() && !placements.get(vcpu).affinity().equals(wanted);
    }
}
