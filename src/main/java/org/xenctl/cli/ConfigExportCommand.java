package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.spec.XlConfigWriter;
import org.xenctl.libvirt.SpecXmlReader;
import org.xenctl.render.View;
import org.xenctl.render.view.ConfigExportView;

final class ConfigExportCommand extends HypervisorCommand {
    boolean inactive;
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("--inactive", "export the persistent definition rather than the running one", v -> inactive = v)
                .parameter("0", "DOMAIN", String.class, "name, id or UUID", v -> domain = v);
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
