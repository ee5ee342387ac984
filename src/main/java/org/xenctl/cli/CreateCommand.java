package org.xenctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;
import org.xenctl.render.view.ConfigXmlView;
import org.xenctl.render.view.DefineView;

final class CreateCommand extends HypervisorCommand {
    boolean paused;
    final CompatOption compatOption = new CompatOption();
    boolean console;
    Path file;
    List<String> overrides = new ArrayList<>();

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("-p|--paused", "leave the domain paused", v -> paused = v)
                .flagTakingShortName("-c", "--console", "attach to its console once created, as xl create -c "
                        + "(-c is --connect before the verb)", v -> console = v)
                .with(compatOption)
                .parameter("0", "FILE", Path.class, "xl.cfg file or libvirt domain XML", v -> file = v)
                .parameters("1..*", "0..*", "KEY=VALUE", "xl.cfg settings that override the file's, "
                        + "e.g. 'memory=1024' 'name=\"web2\"'",
                        () -> overrides, v -> overrides = v);
    }

    @Override
    View execute(Session session) {
        if (dryRun()) {
            DomainSource source = DomainSource.load(file, overrides, compatOption.compat, "xen");
            warn(source.warnings());
            return new ConfigXmlView(file.toString(), source.name(), source.xml(), Problems.views(source.warnings()));
        }
        if (console) {
            InteractiveConsole.requireTerminal("create it without -c, then: xenctl console DOMAIN --log");
        }
        DomainSource source = DomainSource.load(file, overrides, compatOption.compat,
                session.hypervisor().domainXmlType());
        warn(source.warnings());
        // A name taken is said before anything about the devices: it is what the user must change first.
        session.hypervisor().requireNameFree(source.xml());
        PciPreflights.before(invocation(), session, source::pciDevices, "domain " + source.name());
        DevicePreflights.beforeStart(invocation(), session, null, source.devices());
        DomainSummary created;
        try {
            created = session.hypervisor().createTransient(source.xml(), paused);
        } catch (XenctlException e) {
            throw PciPreflights.explained(e, source::osType, () -> !source.pciDevices().isEmpty());
        }
        View done = new DefineView("create", created.name(), created.uuid(), true, true, created.state().label(),
                Problems.views(source.warnings()),
                "Domain " + created.name() + " created from " + file + (paused ? " (paused)." : "."));
        if (!console) {
            return done;
        }
        renderNow(done);
        return InteractiveConsole.run(invocation(), session.hypervisor(), created.uuid(), created.name(),
                ConsoleEscape.parse(ConsoleEscape.DEFAULT), false);
    }

    @Override
    boolean streams() {
        return console;
    }
}
