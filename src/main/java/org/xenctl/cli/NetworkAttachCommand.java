package org.xenctl.cli;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.xenctl.domain.NetworkInterface;
import org.xenctl.domain.spec.Nic;
import org.xenctl.domain.spec.XlDevices;
import org.xenctl.libvirt.SpecXmlWriter;
import org.xenctl.render.View;
import org.xenctl.render.view.DeviceXmlView;
import org.xenctl.xlcfg.XlProblem;

final class NetworkAttachCommand extends HypervisorCommand {
    private static final SecureRandom RANDOM = new SecureRandom();

    final DeviceScopeOptions scopeOptions = new DeviceScopeOptions();
    final CompatOption compatOption = new CompatOption();
    String domain;
    List<String> spec = new ArrayList<>();

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(scopeOptions)
                .with(compatOption)
                .domain(v -> domain = v)
                .parameters("1..*", "0..*", "NET_SPEC", "xl's key=value tokens (xl-network-configuration(5)): "
                        + "mac, bridge, ip, script, model, vifname, rate, backend, mtu; as words or one "
                        + "comma-separated word", () -> spec, v -> spec = v);
    }

    @Override
    View execute(Session session) {
        DeviceSpecArgument<Nic> argument = DeviceSpecArgument.read("NET_SPEC", spec, compatOption.compat,
                XlDevices::nic);
        warn(argument.warnings());
        List<XlProblem> warnings = new ArrayList<>(argument.warnings());
        Nic nic = argument.device();
        if (nic.mac() == null) {
            // xl's choice: Xen's OUI and three random bytes, the first without its top bit (libxl does the same).
            byte[] random = new byte[3];
            RANDOM.nextBytes(random);
            random[0] &= 0x7f;
            String mac = "00:16:3e:" + HexFormat.ofDelimiter(":").formatHex(random);
            nic = new Nic(mac, nic.bridge(), nic.model(), nic.vifname(), nic.script(), nic.ip(), nic.backend(),
                    nic.mtu(), nic.rate());
        }
        if (dryRun()) {
            return new DeviceXmlView(domain, nic.mac().toLowerCase(java.util.Locale.ROOT), SpecXmlWriter.nicXml(nic),
                    Problems.views(argument.warnings()));
        }
        Nic asked = nic;
        return DeviceAttachment.attach(session, domain, scopeOptions, "nic", "interface ", target -> {
            Nic taken = asked;
            if (asked.model() != null && !asked.model().equals("netfront") && !"hvm".equals(target.osType())) {
                // xl ignores model= for a PV or PVH guest (it picks an HVM guest's emulated card); libvirt refuses it.
                List<XlProblem> ignored = List.of(XlProblem.warning(null, null, "model=" + asked.model() + " is for "
                        + "HVM guests' emulated cards: ignored for " + target.guestType() + " guest "
                        + target.summary().name() + ", as xl does", null));
                warn(ignored);
                warnings.addAll(ignored);
                taken = new Nic(asked.mac(), asked.bridge(), null, asked.vifname(), asked.script(), asked.ip(),
                        asked.backend(), asked.mtu(), asked.rate());
            }
            DevicePreflights.beforeNic(invocation(), session, target, taken);
            return new NetworkInterface(taken);
        }, warnings);
    }
}
