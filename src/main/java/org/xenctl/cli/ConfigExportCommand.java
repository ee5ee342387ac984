package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.spec.XlConfigWriter;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.libvirt.SpecXmlReader;
import org.xenctl.render.View;
import org.xenctl.render.view.ConfigExportView;

final class ConfigExportCommand extends HypervisorCommand {
    boolean inactive;
    String domain;

    @Override
    Declaration declare() {
        return Declaration.command(this, "export", "Write a domain's definition as an xl.cfg file (what xl.cfg "
                        + "cannot say is listed in a comment at its top).")
                .flag("--inactive", "export the persistent definition rather than the running one", v -> inactive = v)
                .parameter("0", "DOMAIN", String.class, "name, id or UUID", v -> domain = v);
    }

    @Override
    ConnectOptions connectOptions() {
        return ConnectOptions.READ_ONLY;
    }

    @Override
    View execute(Session session) {
        DomainSummary summary = session.hypervisor().lookup(DomainRef.of(domain));
        String xml = session.hypervisor().xml(summary.uuid(), inactive);
        SpecXmlReader.Result result = SpecXmlReader.read(xml, "domain " + summary.name());
        return new ConfigExportView(summary.name(), summary.uuid(), XlConfigWriter.write(result.spec(),
                result.notes()));
    }
}
