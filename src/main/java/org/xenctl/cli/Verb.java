package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.ConnectOptions;

/**
 * One row of the verb table, as xl's command table has one per command (name, function, whether it can dry-run,
 * whether it modifies, help): everything about a verb that is known before its command line is parsed. The command
 * class declares only its options and parameters.
 *
 * @param aliases  other names (xl's and virsh's)
 * @param help     the description --help prints
 * @param connects whether running it opens a libvirt connection (then libvirt starts loading before the command
 *                 line is parsed); a verb may still decide not to, e.g. under --dry-run
 * @param access   how its connection opens: read-only where it only looks (unprivileged users may list), with
 *                 lifecycle events where it waits
 * @param dryRun   whether it takes -n/--dry-run: print what it would do, connect to nothing
 * @param changesHost whether running it may change the host (a domain, a definition, a device, a PCI binding):
 *                 then it is recorded in the system's log, the audit trail
 */
record Verb(String name, List<String> aliases, Class<? extends VerbCommand> command, String help, boolean connects,
            ConnectOptions access, boolean dryRun, boolean changesHost) {

    /**
     * A verb that connects read-write and changes the host, without aliases or --dry-run: the common case, refined by
     * the methods below.
     */
    static Verb of(String name, Class<? extends VerbCommand> command, String help) {
        return new Verb(name, List.of(), command, help, true, ConnectOptions.READ_WRITE, false, true);
    }

    Verb aliases(String... names) {
        return new Verb(name, List.of(names), command, help, connects, access, dryRun, changesHost);
    }

    /** Only looks: the connection opens read-only. */
    Verb readOnly() {
        return new Verb(name, aliases, command, help, connects, ConnectOptions.READ_ONLY, dryRun, false);
    }

    /** Changes nothing on the host, though its connection needs more than read-only (or none): not audited. */
    Verb looksOnly() {
        return new Verb(name, aliases, command, help, connects, access, dryRun, false);
    }

    /** Waits for or streams lifecycle events: the connection opens with the event loop. */
    Verb events() {
        return new Verb(name, aliases, command, help, connects, ConnectOptions.WITH_EVENTS, dryRun, changesHost);
    }

    /** Works on files (or this machine's sysfs) alone: never opens a connection on its own account. */
    Verb offline() {
        return new Verb(name, aliases, command, help, false, access, dryRun, changesHost);
    }

    Verb withDryRun() {
        return new Verb(name, aliases, command, help, connects, access, true, changesHost);
    }

    /** Its name and aliases, the words that run it. (No stream: the table is read before anything else runs.) */
    List<String> names() {
        List<String> names = new ArrayList<>(1 + aliases.size());
        names.add(name);
        names.addAll(aliases);
        return names;
    }

    /** A new command object for one command line (each verb's class has a constructor without parameters). */
    VerbCommand create() {
        VerbCommand created;
        try {
            created = command.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the command " + command.getName(), e);
        }
        created.describedBy(this);
        return created;
    }
}
