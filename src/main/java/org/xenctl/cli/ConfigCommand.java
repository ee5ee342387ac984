package org.xenctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** `config`: xl.cfg files checked, shown, converted to libvirt XML, and exported from a domain. */
final class ConfigCommand implements Runnable, Declared {
    private CommandSpec spec;

    @Override
    public CommandSpec spec() {
        if (spec == null) {
            spec = Declaration.command(this, "config", "Work with xl.cfg files: check, show, convert, export.").spec();
            for (Declared sub : new Declared[] {new ConfigCheckCommand(), new ConfigShowCommand(),
                    new ConfigConvertCommand(), new ConfigExportCommand()}) {
                spec.addSubcommand(null, new CommandLine(sub.spec()));
            }
        }
        return spec;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: check, show, convert or export");
    }
}
