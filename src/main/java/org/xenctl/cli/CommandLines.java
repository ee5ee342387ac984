package org.xenctl.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** xenctl's one command-line parser, picocli, for the process's arguments and for each line of a batch alike. */
final class CommandLines {
    private CommandLines() {
    }

    /** A command that only groups others (the root, `config`): what to say when none of them is named. */
    interface Group {
        String whatIsMissing();
    }

    /**
     * Parses {@code args} into {@code root} (the global options) and the verb they name, and returns that verb's
     * command; null when they asked for help or the version, which is then printed to {@code out}. A line picocli
     * cannot parse, or one that names no verb, throws its {@link ParameterException}.
     */
    static HypervisorCommand parse(XenctlCommand root, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(root.spec());
        Verbs.register(commandLine, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // An argument is what was typed, never a file's lines: picocli would read "@PATH" as more arguments, and
        // xenctl runs as root: "info @/etc/shadow" printed the file in its "unmatched arguments" error, and
        // "@/dev/zero" read for ever. Neither xl nor virsh has argument files.
        commandLine.setExpandAtFiles(false);
        ParseResult parsed = commandLine.parseArgs(args);
        if (CommandLine.printHelpIfRequested(parsed)) {
            return null;
        }
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        Object command = leaf.commandSpec().userObject();
        if (command instanceof HypervisorCommand verb) {
            verb.typed(List.of(args));
            return verb;
        }
        throw new ParameterException(leaf.commandSpec().commandLine(), command instanceof Group group
                ? group.whatIsMissing() : "'" + leaf.commandSpec().name() + "' cannot be run");
    }
}
