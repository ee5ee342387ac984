package org.xenctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.DomainSummary;
import org.xenctl.render.View;
import org.xenctl.render.view.ConfigXmlView;
import org.xenctl.render.view.DefineView;
import org.xenctl.render.view.ProblemView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = {"Create and start a transient domain (as xl create does) from an xl.cfg "
        + "file or libvirt domain XML. KEY=VALUE arguments are xl.cfg lines appended to the file, so they override "
        + "it. A failed create leaves nothing behind."})
final class CreateCommand extends HypervisorCommand {
    @Option(names = {"-p", "--paused"}, description = "leave the domain paused")
    boolean paused;

    @Option(names = {"-n", "--dry-run"}, description = "print the libvirt XML and change nothing (no connection)")
    boolean dryRun;

    @Mixin
    CompatOption compatOption;

    @Parameters(index = "0", paramLabel = "FILE", description = "xl.cfg file or libvirt domain XML")
    Path file;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "xl.cfg settings that override the file's, "
            + "e.g. 'memory=1024' 'name=\"web2\"'")
    List<String> overrides = new ArrayList<>();

    @Override
    boolean needsSession() {
        return !dryRun;
    }

    @Override
    View execute(Session session) {
        if (dryRun) {
            DomainSource source = DomainSource.load(file, overrides, compatOption.compat, "xen");
            warn(source.warnings());
            return new ConfigXmlView(file.toString(), source.name(), source.xml(), ProblemView.of(source.warnings()));
        }
        DomainSource source = DomainSource.load(file, overrides, compatOption.compat,
                session.hypervisor().domainXmlType());
        warn(source.warnings());
        PciPreflights.beforeStart(root(), session, source.xml(), "domain " + source.name());
        DomainSummary created = session.hypervisor().createTransient(source.xml(), paused);
        return new DefineView("create", created.name(), created.uuid(), true, true, created.state().label(),
                ProblemView.of(source.warnings()),
                "Domain " + created.name() + " created from " + file + (paused ? " (paused)." : "."));
    }
}
