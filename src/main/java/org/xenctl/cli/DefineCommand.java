package org.xenctl.cli;

import java.nio.file.Path;

import org.xenctl.domain.Hypervisor.Definition;
import org.xenctl.render.View;
import org.xenctl.render.view.DefineView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "define", description = "Define a persistent domain from libvirt domain XML, or update the "
        + "definition of the domain with that name. Defining the same XML again changes nothing.")
final class DefineCommand extends HypervisorCommand {
    @Parameters(paramLabel = "FILE.xml", description = "libvirt domain XML")
    Path file;

    @Override
    View execute(Session session) {
        String xml = InputFiles.read(file);
        Definition result = session.hypervisor().define(xml);
        String name = result.domain().name();
        String message = result.created() ? "Domain " + name + " defined from " + file + "."
                : result.changed() ? "Domain " + name + " updated from " + file + "."
                : "Domain " + name + " is already defined as in " + file + ".";
        return new DefineView("define", name, result.domain().uuid(), result.created(), result.changed(),
                result.domain().state().label(), message);
    }
}
