package org.xenctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `config`: xl.cfg files checked, shown, converted to libvirt XML, and exported from a domain. */
@Command(name = "config", description = "Work with xl.cfg files: check, show, convert, export.",
        subcommands = {ConfigCheckCommand.class, ConfigShowCommand.class, ConfigConvertCommand.class,
                ConfigExportCommand.class})
final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: check, show, convert or export");
    }
}
