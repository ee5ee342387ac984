package org.xenctl.cli;

import org.xenctl.domain.DomainRef;
import org.xenctl.render.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "rename", aliases = "domrename", description = "Rename a domain (libvirt renames only domains "
        + "that are shut off).")
final class RenameCommand extends HypervisorCommand {
    @Parameters(index = "0", paramLabel = "DOMAIN", description = "name, id or uuid")
    String domain;

    @Parameters(index = "1", paramLabel = "NEW_NAME")
    String newName;

    @Override
    View execute(Session session) {
        return Views.action(session.lifecycle().rename(session.hypervisor().lookup(DomainRef.of(domain)), newName));
    }
}
