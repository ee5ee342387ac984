package org.xenctl.cli;

import java.nio.file.Path;
import java.util.List;

import org.xenctl.domain.Hypervisor.Definition;
import org.xenctl.render.View;
import org.xenctl.render.view.DefineView;

final class DefineCommand extends HypervisorCommand {
    final CompatOption compatOption = new CompatOption();
    Path file;

    @Override
    void declare(Declaration declaration) {
        declaration
                .with(compatOption)
                .parameter("0", "FILE", Path.class, "xl.cfg file or libvirt domain XML", v -> file = v);
    }

    @Override
    View execute(Session session) {
        DomainSource source = DomainSource.load(file, List.of(), compatOption.compat,
                session.hypervisor().domainXmlType());
        warn(source.warnings());
        Definition result = session.hypervisor().define(source.xml());
        String name = result.domain().name();
        String message = result.created() ? "Domain " + name + " defined from " + file + "."
                : result.changed() ? "Domain " + name + " updated from " + file + "."
                : "Domain " + name + " is already defined as in " + file + ".";
        return new DefineView("define", name, result.domain().uuid(), result.created(), result.changed(),
                result.domain().state().label(), Problems.views(source.warnings()), message);
    }
}
