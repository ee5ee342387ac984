package org.xenctl.cli;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.Devices;
import org.xenctl.domain.Hypervisor.DeviceScope;

/** {@code --live} and {@code --config} of the device commands; what they mean is {@link Devices#scope}'s to say. */
final class DeviceScopeOptions implements Declaration.SharedOptions {
    private boolean live;
    private boolean config;

    @Override
    public void declareOn(Declaration declaration) {
        declaration.flag("--live", "the running domain only", v -> live = v)
                .flag("--config", "the persistent definition only (takes effect at the next start)", v -> config = v);
    }

    DeviceScope resolve(Devices devices, DomainDetails domain) {
        return devices.scope(domain, live, config);
    }
}
