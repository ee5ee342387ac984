package org.xenctl.cli;

import org.xenctl.domain.Devices;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainResources;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;
import org.xenctl.render.view.ResourceChangeView;

/** vcpu-set (xl's): the vCPUs online, where the scope says, only where it differs, never above maxvcpus. */
final class VcpuSetCommand extends HypervisorCommand {
    final DeviceScopeOptions scopeOptions = new DeviceScopeOptions();
    String domain;
    int count;

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(scopeOptions)
                .domain(v -> domain = v)
                .parameter("1", "N", Integer.class, "the number of vCPUs online", v -> count = v);
    }

    @Override
    View execute(Session session) {
        if (count < 1) {
            throw new XenctlException(ErrorCode.USAGE, "a domain needs at least 1 vCPU, not " + count, null);
        }
        Hypervisor hypervisor = session.hypervisor();
        Devices devices = new Devices(hypervisor);
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        DeviceScope scope = scopeOptions.resolve(devices, target);
        String uuid = target.summary().uuid();
        DeviceScope toChange = new DeviceScope(scope.live() && differs(hypervisor, uuid, false, name),
                scope.config() && differs(hypervisor, uuid, true, name));
        if (!toChange.live() && !toChange.config()) {
            return new ResourceChangeView(name, "vcpus", String.valueOf(count), false, false, false, name + " has "
                    + count + " vCPU" + (count == 1 ? "" : "s") + " already: nothing to do");
        }
        hypervisor.setVcpus(uuid, count, toChange);
        return new ResourceChangeView(name, "vcpus", String.valueOf(count), true, toChange.live(), toChange.config(),
                name + " has " + count + " vCPU" + (count == 1 ? "" : "s") + " (" + Devices.where(toChange) + ")");
    }

    private boolean differs(Hypervisor hypervisor, String uuid, boolean inactive, String name) {
        DomainResources now = hypervisor.resources(uuid, inactive);
        if (count > now.maxVcpus()) {
            throw new XenctlException(ErrorCode.OUT_OF_RANGE, (inactive ? name + "'s definition" : "domain " + name)
                    + " has at most " + now.maxVcpus() + " vCPU" + (now.maxVcpus() == 1 ? "" : "s") + " (maxvcpus)",
                    "maxvcpus is set when the domain is built: raise it in its xl.cfg (maxvcpus = " + count
                            + ") and restart it");
        }
        return count != now.vcpus();
    }
}
