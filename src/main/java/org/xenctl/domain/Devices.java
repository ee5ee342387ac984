package org.xenctl.domain;

import org.xenctl.domain.Hypervisor.DeviceScope;

/**
 * What attaching and detaching a device means, for any device kind, as {@link Lifecycle} says it for lifecycle
 * verbs: where a change applies (the running domain, its definition, or both by default), and that asking for what
 * already holds changes nothing and says so. Each definition is read once.
 */
public final class Devices {
    private final Hypervisor hypervisor;

    public Devices(Hypervisor hypervisor) {
        this.hypervisor = hypervisor;
    }

    /** Checks run before a device goes into the running domain, given its live devices (what libxl would refuse). */
    @FunctionalInterface
    public interface LiveCheck {
        void check(DomainDevices live);
    }

    /**
     * Where {@code --live} and {@code --config} (or neither) make a change: by default the running domain and, for
     * a persistent one, its definition too, so the change survives a restart (virsh's default is live only).
     */
    public DeviceScope scope(DomainDetails domain, boolean liveOnly, boolean configOnly) {
        String name = domain.summary().name();
        boolean running = domain.summary().isActive();
        if (!liveOnly && !configOnly) {
            return new DeviceScope(running, domain.persistent());
        }
        if (liveOnly && !running) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " is not running: --live has nothing "
                    + "to change", "use --config to change its definition");
        }
        if (configOnly && !domain.persistent()) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " is transient: it has no definition "
                    + "for --config to change", "leave out --config");
        }
        return new DeviceScope(liveOnly, configOnly);
    }

    /** Adds the device where {@code scope} says it is missing; the result is where it was added (none: already there). */
    public DeviceScope attach(DomainDetails domain, DeviceScope scope, Device device, LiveCheck beforeLive) {
        String uuid = domain.summary().uuid();
        DomainDevices live = scope.live() ? hypervisor.devices(uuid, false) : null;
        DeviceScope missing = new DeviceScope(scope.live() && !device.isIn(live),
                scope.config() && !device.isIn(hypervisor.devices(uuid, true)));
        if (!missing.live() && !missing.config()) {
            return missing;
        }
        if (missing.live()) {
            beforeLive.check(live);
        }
        device.attach(hypervisor, uuid, missing);
        return missing;
    }

    /** Removes the device where {@code scope} says it is present; the result is where it was removed (none: gone). */
    public DeviceScope detach(DomainDetails domain, DeviceScope scope, Device device) {
        String uuid = domain.summary().uuid();
        DeviceScope present = new DeviceScope(scope.live() && device.isIn(hypervisor.devices(uuid, false)),
                scope.config() && device.isIn(hypervisor.devices(uuid, true)));
        if (present.live() || present.config()) {
            device.detach(hypervisor, uuid, present);
        }
        return present;
    }

    /** "the running domain and its definition", for messages. */
    public static String where(DeviceScope scope) {
        if (scope.live() && scope.config()) {
            return "the running domain and its definition";
        }
        return scope.live() ? "the running domain only" : "its definition only: from its next start";
    }
}
