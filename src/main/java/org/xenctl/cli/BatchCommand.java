package org.xenctl.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.libvirt.ConnectOptions;
import org.xenctl.render.Json;
import org.xenctl.render.OutputFormat;
import org.xenctl.render.View;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

final class BatchCommand implements Callable<Integer>, Declared {
    private CommandSpec spec;
    boolean stopOnError;
    String file;

    @Override
    public CommandSpec spec() {
        if (spec == null) {
            spec = Declaration.command(this, "batch", "Run xenctl commands, one per line (as typed after 'xenctl'), "
                            + "in one process over one connection. Blank lines and lines starting with # are skipped; "
                            + "Ctrl-C stops the batch. Exit status: 0 when every command succeeded, else that of the "
                            + "first that failed.")
                    .flag("--stop-on-error", "stop at the first command that fails", v -> stopOnError = v)
                    .optionalParameter("0", "FILE", String.class, "the commands; - or nothing for stdin", v -> file = v)
                    .spec();
        }
        return spec;
    }

    @Override
    public boolean connects() {
        return true;
    }

    private XenctlCommand root() {
        return (XenctlCommand) spec.root().userObject();
    }

    /** One line's outcome in -o json mode: the line, its exit status, and its result or error. */
    record LineResult(int line, String command, int exitStatus, View result, Object error) { }

    /** The closing line in -o json mode. */
    record Summary(SummaryBody summary) { }

    record SummaryBody(int commands, int succeeded, int failed) { }

    @Override
    public Integer call() {
        List<String> lines = readLines();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int succeeded = 0;
        int failed = 0;
        int firstFailure = ExitStatus.OK;
        try (Session session = root().context().sessions().open(root().connect(), ConnectOptions.WITH_EVENTS)) {
            Context shared = new Context((uri, options) -> session.shared(), root().context().hostRoot(),
                    root().context().sysfs());
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int status = runLine(i + 1, line, shared, out, err);
                if (status == ExitStatus.OK) {
                    succeeded++;
                } else {
                    failed++;
                    firstFailure = firstFailure == ExitStatus.OK ? status : firstFailure;
                    // Ctrl-C ends the whole batch, not just the wait it interrupted.
                    if (stopOnError || status == ExitStatus.INTERRUPTED) {
                        break;
                    }
                }
            }
        }
        if (root().output() == OutputFormat.JSON) {
            out.println(Json.line(new Summary(new SummaryBody(succeeded + failed, succeeded, failed))));
        } else if (!root().quiet) {
            out.println("batch: " + (succeeded + failed) + " commands, " + succeeded + " succeeded, "
                    + failed + " failed");
        }
        out.flush();
        return firstFailure;
    }

    private int runLine(int number, String line, Context shared, PrintWriter out, PrintWriter err) {
        XenctlCommand lineRoot = new XenctlCommand(shared);
        root().copyOptionsTo(lineRoot);
        CommandLine commandLine = new CommandLine(lineRoot.spec());
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            String[] words = ShellWords.split(line).toArray(String[]::new);
            Verbs.register(commandLine, words);
            CommandLine.ParseResult parsed = commandLine.parseArgs(words);
            CommandLine leaf = leaf(parsed);
            if (leaf.isUsageHelpRequested()) {
                leaf.usage(out);
                return ExitStatus.OK;
            }
            if (!(leaf.getCommand() instanceof HypervisorCommand command)) {
                throw new XenctlException(ErrorCode.USAGE, "'" + leaf.getCommandName()
                        + "' cannot run inside a batch");
            }
            View view = command.execute(command.needsSession()
                    ? shared.sessions().open(null, ConnectOptions.WITH_EVENTS) : null);
            int status = command.exitStatus(view);
            if (lineRoot.output() == OutputFormat.JSON) {
                out.println(Json.line(new LineResult(number, line, status, view, null)));
            } else {
                lineRoot.renderer().render(view, out);
            }
            return status;
        } catch (CommandLine.ParameterException e) {
            return failed(number, line, new XenctlException(ErrorCode.USAGE, e.getMessage()), lineRoot, out, err);
        } catch (RuntimeException e) {
            return failed(number, line, ErrorReporter.asFailure(e), lineRoot, out, err);
        }
    }

    private static int failed(int number, String line, XenctlException failure, XenctlCommand lineRoot,
                              PrintWriter out, PrintWriter err) {
        int status = ExitStatus.of(failure.code().kind());
        if (lineRoot.output() == OutputFormat.JSON) {
            out.println(Json.line(new LineResult(number, line, status, null,
                    ErrorReporter.errorView(failure).error())));
            out.flush();
        } else {
            err.print("line " + number + ": ");
            ErrorReporter.report(failure, OutputFormat.TEXT, lineRoot.verbose(), err);
        }
        return status;
    }

    private static CommandLine leaf(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult current = parsed;
        while (current.hasSubcommand()) {
            current = current.subcommand();
        }
        if (current.commandSpec().commandLine().getCommand() instanceof XenctlCommand) {
            throw new XenctlException(ErrorCode.USAGE, "a command is required on each line");
        }
        return current.commandSpec().commandLine();
    }

    private List<String> readLines() {
        try {
            if (file == null || file.equals("-")) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                List<String> lines = new ArrayList<>();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
                return lines;
            }
            return Files.readAllLines(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new XenctlException(ErrorCode.FILE_NOT_FOUND, "cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new XenctlException(ErrorCode.FILE_NOT_FOUND, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
