package org.xenctl.cli;

import java.util.List;
import java.util.regex.Pattern;

import org.xenctl.domain.Devices;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainDetails.NetworkDevice;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.domain.NetworkInterface;
import org.xenctl.domain.XenctlException;
import org.xenctl.domain.spec.Nic;
import org.xenctl.render.View;
import org.xenctl.render.view.DeviceChangeView;

final class NetworkDetachCommand extends HypervisorCommand {
    private static final Pattern MAC = Pattern.compile("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern DEVID = Pattern.compile("[0-9]{1,4}");

    final DeviceScopeOptions scopeOptions = new DeviceScopeOptions();
    String domain;
    String which;

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(scopeOptions)
                .domain(v -> domain = v)
                .parameter("1", "DEVID|MAC", String.class, "the interface: its MAC address, or its index in "
                        + "network-list", v -> which = v);
    }

    @Override
    View execute(Session session) {
        if (!MAC.matcher(which).matches() && !DEVID.matcher(which).matches()) {
            throw new XenctlException(ErrorCode.USAGE, "'" + which + "' is neither a MAC address nor an interface "
                    + "index", "give the MAC (00:16:3e:12:34:56) or the Idx network-list shows");
        }
        Hypervisor hypervisor = session.hypervisor();
        Devices devices = new Devices(hypervisor);
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        DeviceScope scope = scopeOptions.resolve(devices, target);
        String mac = MAC.matcher(which).matches() ? which.toLowerCase(java.util.Locale.ROOT)
                : macAt(hypervisor, target, scope, Integer.parseInt(which));
        if (mac == null) {
            return new DeviceChangeView(name, "nic", which, false, false, false, name + " has no interface "
                    + which + ": nothing to do");
        }
        NetworkInterface device = new NetworkInterface(new Nic(mac, null, null, null, null, List.of(), null, null,
                null));
        DeviceScope removed = devices.detach(target, scope, device);
        if (!removed.live() && !removed.config()) {
            return new DeviceChangeView(name, "nic", mac, false, false, false, name + " has no interface " + mac
                    + ": nothing to do");
        }
        return new DeviceChangeView(name, "nic", mac, true, removed.live(), removed.config(), "interface " + mac
                + " detached from " + name + " (" + Devices.where(removed) + ")");
    }

    /** The MAC of the interface network-list shows at {@code index}: the running domain's list, else the definition's. */
    private static String macAt(Hypervisor hypervisor, DomainDetails target, DeviceScope scope, int index) {
        List<NetworkDevice> nics = hypervisor.devices(target.summary().uuid(), !scope.live()).nics();
        return index < nics.size() ? nics.get(index).mac() : null;
    }
}
