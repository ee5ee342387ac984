package org.xenctl.cli;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.domain.XenctlException;

/**
 * {@code --live} and {@code --config} of the device commands. Neither: the running domain now and, for a persistent
 * one, its definition as well, so that the change survives a restart (virsh's default is live only, which users
 * learn the hard way at the next boot).
 */
final class DeviceScopeOptions implements Declaration.SharedOptions {
    boolean live;
    boolean config;

    @Override
    public void declareOn(Declaration declaration) {
        declaration.flag("--live", "the running domain only", v -> live = v)
                .flag("--config", "the persistent definition only (takes effect at the next start)", v -> config = v);
    }

    DeviceScope resolve(DomainDetails domain) {
        String name = domain.summary().name();
        boolean running = domain.summary().isActive();
        if (!live && !config) {
            return new DeviceScope(running, domain.persistent());
        }
        if (live && !running) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " is not running: --live has nothing "
                    + "to change", "use --config to change its definition");
        }
        if (config && !domain.persistent()) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " is transient: it has no definition "
                    + "for --config to change", "leave out --config");
        }
        return new DeviceScope(live, config);
    }
}
