package org.xenctl.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** Builds xenctl's command line for {@code args} around a context, with its error reporting and writers. */
final class CommandLineFactory {
    private CommandLineFactory() {
    }

    static CommandLine create(String[] args, Context context, PrintWriter out, PrintWriter err) {
        ErrorReporter errors = new ErrorReporter();
        CommandLine commandLine = new CommandLine(new XenctlCommand(context).spec());
        Verbs.register(commandLine, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
