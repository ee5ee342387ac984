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

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.Json;
import org.xenctl.render.OutputFormat;
import org.xenctl.render.View;
import org.xenctl.render.view.BatchSummaryView;

/**
 * `batch`: each line parsed by the same parser as a command line and run by the same {@link Invocation}, over the
 * batch's one connection; a failing line is reported (by {@link ErrorReporter}) and the batch goes on.
 */
final class BatchCommand extends HypervisorCommand {
    boolean stopOnError;
    String file;

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("--stop-on-error", "stop at the first command that fails", v -> stopOnError = v)
                .optionalParameter("0", "FILE", String.class, "the commands; - or nothing for stdin", v -> file = v);
    }

    /** One line's outcome in -o json mode: the line, its exit status, and its result or error. */
    record LineResult(int line, String command, int exitStatus, View result, Object error) { }

    @Override
    boolean streams() {
        return true;
    }

    @Override
    View execute(Session session) {
        List<String> lines = readLines();
        Invocation batch = invocation();
        Context context = batch.context();
        Invocation shared = batch.in(new Context((uri, options) -> session.shared(), context.hostRoot(),
                context.sysfs()));
        int succeeded = 0;
        int failed = 0;
        int firstFailure = ExitStatus.OK;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int status = runLine(i + 1, line, shared);
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
        return new BatchSummaryView(succeeded + failed, succeeded, failed, firstFailure);
    }

    @Override
    int exitStatus(View view) {
        return ((BatchSummaryView) view).firstFailure();
    }

    private static int runLine(int number, String line, Invocation batch) {
        XenctlCommand lineRoot = new XenctlCommand(batch);
        PrintWriter out = batch.out();
        try {
            HypervisorCommand command = CommandLines.parse(lineRoot, ShellWords.split(line).toArray(String[]::new),
                    out, batch.err());
            if (command == null) {
                return ExitStatus.OK;  // its help, printed
            }
            if (command instanceof BatchCommand) {
                throw new XenctlException(ErrorCode.USAGE, "'batch' cannot run inside a batch");
            }
            Invocation run = lineRoot.invocation(batch.context(), out, batch.err());
            View view = run.compute(command);
            int status = command.exitStatus(view);
            if (run.output() == OutputFormat.JSON) {
                out.println(Json.line(new LineResult(number, line, status, view, null)));
                out.flush();
            } else {
                run.renderer().render(view, out);
            }
            return status;
        } catch (RuntimeException e) {
            return failed(number, line, ErrorReporter.asFailure(e), lineRoot.invocation(batch.context(), out,
                    batch.err()));
        }
    }

    private static int failed(int number, String line, XenctlException failure, Invocation run) {
        int status = ExitStatus.of(failure.code().kind());
        if (run.output() == OutputFormat.JSON) {
            run.out().println(Json.line(new LineResult(number, line, status, null,
                    ErrorReporter.errorView(failure).error())));
            run.out().flush();
        } else {
            run.err().print("line " + number + ": ");
            ErrorReporter.report(failure, OutputFormat.TEXT, run.verbose(), run.err());
        }
        return status;
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
