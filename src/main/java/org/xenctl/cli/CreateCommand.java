package org.xenctl.cli;

import java.nio.file.Path;

import org.xenctl.domain.DomainSummary;
import org.xenctl.render.View;
import org.xenctl.render.view.DefineView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = "Create and start a transient domain from libvirt domain XML (it leaves no "
        + "definition behind when it stops). A failed create leaves nothing behind.")
final class CreateCommand extends HypervisorCommand {
    @Option(names = {"-p", "--paused"}, description = "leave the domain paused")
    boolean paused;

    @Parameters(paramLabel = "FILE.xml", description = "libvirt domain XML")
    Path file;

    @Override
    View execute(Session session) {
        String xml = InputFiles.read(file);
        DomainSummary created = session.hypervisor().createTransient(xml, paused);
        return new DefineView("create", created.name(), created.uuid(), true, true, created.state().label(),
                "Domain " + created.name() + " created from " + file + (paused ? " (paused)." : "."));
    }
}
