package org.xenctl.cli;

import org.xenctl.domain.DomainDevices;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.Outcome;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;

final class StartCommand extends HypervisorCommand {
    boolean paused;
    boolean console;
    String domain;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("-p|--paused", "start it paused", v -> paused = v)
                .flag("--console", "attach to its console once started, as virsh start --console",
                        v -> console = v)
                .domain(v -> domain = v);
    }

    @Override
    View execute(Session session) {
        if (console) {
            InteractiveConsole.requireTerminal("start it without --console, then: xenctl console DOMAIN --log");
        }
        DomainSummary found = session.hypervisor().lookup(DomainRef.of(domain));
        boolean fromManagedSave = false;
        if (!found.isActive()) {
            DomainDevices devices = session.hypervisor().devices(found.uuid(), true);
            PciPreflights.before(invocation(), session, devices::pci, "domain " + found.name());
            DevicePreflights.beforeStart(invocation(), session, found.uuid(), devices);
            fromManagedSave = session.hypervisor().hasManagedSave(found.uuid());
        }
        Outcome started;
        try {
            started = session.lifecycle().start(found, paused);
        } catch (XenctlException e) {
            throw PciPreflights.explained(e, () -> session.hypervisor().details(found).osType(),
                    () -> !session.hypervisor().devices(found.uuid(), true).pci().isEmpty());
        }
        if (fromManagedSave && started.changed()) {
            // libvirt restores a managed save on start: say so, as virsh does
            started = new Outcome(started.action(), started.name(), started.uuid(), true, started.state(), false,
                    "Domain " + started.name() + " started from its managed save" + (paused ? " (paused)." : "."));
        }
        if (!console || !started.state().isActive()) {
            return Views.action(started);
        }
        renderNow(Views.action(started));
        return InteractiveConsole.run(invocation(), session.hypervisor(), started.uuid(), started.name(),
                ConsoleEscape.parse(ConsoleEscape.DEFAULT), false);
    }

    @Override
    boolean streams() {
        return console;
    }
}
