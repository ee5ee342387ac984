package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command line's model, whole: the root with every verb under it, as the man page and the shell completion
 * read it (so that neither can drift from what xenctl accepts).
 */
final class CommandTable {
    private final CommandLine root;

    CommandTable() {
        root = new CommandLine(new XenctlCommand().spec());
        Verbs.register(root, new String[] {"--help"});
    }

    CommandSpec root() {
        return root.getCommandSpec();
    }

    /** Each verb once, in the table's order (aliases are the verb's). */
    List<CommandSpec> verbs() {
        List<CommandSpec> verbs = new ArrayList<>();
        for (Verb verb : Verbs.TABLE) {
            verbs.add(root.getSubcommands().get(verb.name()).getCommandSpec());
        }
        return verbs;
    }

    /** The global options (-c, -o, …), help and version included. */
    List<OptionSpec> globalOptions() {
        return root().options();
    }

    /** A verb's own options: not the global ones it inherits. */
    static List<OptionSpec> ownOptions(CommandSpec verb) {
        return verb.options().stream().filter(option -> !option.inherited()).toList();
    }

    static List<PositionalParamSpec> parameters(CommandSpec verb) {
        return verb.positionalParameters();
    }

    /** One line of usage, as --help starts: "xenctl list [-a] [--columns=COLS] [DOMAIN...]". */
    static String synopsis(CommandSpec verb) {
        return verb.commandLine().getHelp().synopsis(0).strip().replaceAll("\\s+", " ");
    }
}
