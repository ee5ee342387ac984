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

/**
 * mem-set (the balloon target) and mem-max (the most the domain may have), xl's: where the scope says, only where
 * it differs, and refused before libvirt is asked when the size is out of range (a target above the maximum, more
 * than the host has free for the running domain, a maximum below the target).
 */
abstract class MemoryCommand extends HypervisorCommand {
    final DeviceScopeOptions scopeOptions = new DeviceScopeOptions();
    String domain;
    String size;

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(scopeOptions)
                .domain(v -> domain = v)
                .parameter("1", "SIZE", String.class, "with xl's units b, k, m, g, t (no unit: MiB), e.g. 512, 2g",
                        v -> size = v);
    }

    /** Whether this sets the maximum (mem-max) rather than the target (mem-set). */
    abstract boolean maximum();

    @Override
    View execute(Session session) {
        long kib = MemorySize.kib(size);
        if (kib < 1024) {
            throw new XenctlException(ErrorCode.USAGE, "'" + size + "' is less than 1 MiB", "give the size in MiB "
                    + "(512) or with a unit (2g)");
        }
        Hypervisor hypervisor = session.hypervisor();
        Devices devices = new Devices(hypervisor);
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        DeviceScope scope = scopeOptions.resolve(devices, target);
        String uuid = target.summary().uuid();
        DeviceScope toChange = new DeviceScope(scope.live() && differs(hypervisor, uuid, false, kib, name),
                scope.config() && differs(hypervisor, uuid, true, kib, name));
        String setting = maximum() ? "maximum memory" : "memory";
        if (!toChange.live() && !toChange.config()) {
            return view(name, kib, false, toChange, name + "'s " + setting + " is " + MemorySize.text(kib)
                    + " already: nothing to do");
        }
        hypervisor.setMemory(uuid, kib, maximum(), toChange);
        return view(name, kib, true, toChange, name + "'s " + setting + " set to " + MemorySize.text(kib) + " ("
                + Devices.where(toChange) + ")");
    }

    private ResourceChangeView view(String name, long kib, boolean changed, DeviceScope where, String message) {
        return new ResourceChangeView(name, maximum() ? "max_memory" : "memory", String.valueOf(kib), changed,
                where.live(), where.config(), message);
    }

    /** Whether the definition ({@code inactive}) or the running domain needs the change; refuses what is out of range. */
    private boolean differs(Hypervisor hypervisor, String uuid, boolean inactive, long kib, String name) {
        DomainResources now = hypervisor.resources(uuid, inactive);
        String which = inactive ? name + "'s definition" : "domain " + name;
        if (maximum()) {
            if (kib < now.memoryKiB()) {
                throw new XenctlException(ErrorCode.OUT_OF_RANGE, MemorySize.text(kib) + " is below " + which
                        + "'s memory (" + MemorySize.text(now.memoryKiB()) + ")", "lower it first: mem-set " + name
                        + " " + kib / 1024);
            }
            return kib != now.maxMemoryKiB();
        }
        if (kib > now.maxMemoryKiB()) {
            throw new XenctlException(ErrorCode.OUT_OF_RANGE, MemorySize.text(kib) + " is above " + which
                    + "'s maximum (" + MemorySize.text(now.maxMemoryKiB()) + ")", "raise the maximum first: mem-max "
                    + name + " " + (kib + 1023) / 1024);
        }
        if (!inactive && kib > now.memoryKiB()) {
            long free = hypervisor.freeMemoryKiB();
            if (kib - now.memoryKiB() > free) {
                throw new XenctlException(ErrorCode.OUT_OF_RANGE, "domain " + name + " cannot grow by "
                        + MemorySize.text(kib - now.memoryKiB()) + ": the host has " + MemorySize.text(free)
                        + " free", "host-info shows the host's memory; give less, or free some first");
            }
        }
        return kib != now.memoryKiB();
    }

    static final class Set extends MemoryCommand {
        @Override
        boolean maximum() {
            return false;
        }
    }

    static final class Max extends MemoryCommand {
        @Override
        boolean maximum() {
            return true;
        }
    }
}
