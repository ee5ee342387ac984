package org.xenctl.cli;

import java.util.List;

import org.xenctl.domain.Device;
import org.xenctl.domain.Devices;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.render.view.DeviceChangeView;
import org.xenctl.xlcfg.XlProblem;

/**
 * What network-attach and block-attach do once their spec is read: find the domain, resolve the scope, let the verb
 * check and adapt its device for that domain, attach it where it is missing, and say what changed.
 */
final class DeviceAttachment {
    private DeviceAttachment() {
    }

    /** The verb's own part, given the domain: its refusals, and the device as that domain takes it. */
    @FunctionalInterface
    interface ForDomain {
        Device prepare(DomainDetails target);
    }

    /**
     * @param kind     "nic" or "disk", the JSON's kind
     * @param noun     how messages name the device before its label: "interface " or ""
     * @param warnings the verb's warnings, which {@code forDomain} may add to
     */
    static DeviceChangeView attach(Session session, String domain, DeviceScopeOptions options, String kind,
            String noun, ForDomain forDomain, List<XlProblem> warnings) {
        Hypervisor hypervisor = session.hypervisor();
        Devices devices = new Devices(hypervisor);
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        DeviceScope scope = options.resolve(devices, target);
        Device device = forDomain.prepare(target);
        DeviceScope added = devices.attach(target, scope, device, live -> { });
        String label = device.label();
        if (!added.live() && !added.config()) {
            return new DeviceChangeView(name, kind, label, false, false, false, name + " has "
                    + (noun.isEmpty() ? "" : "an " + noun) + label + " already: nothing to do",
                    Problems.views(warnings));
        }
        return new DeviceChangeView(name, kind, label, true, added.live(), added.config(), noun + label
                + " attached to " + name + " (" + Devices.where(added) + ")", Problems.views(warnings));
    }
}
