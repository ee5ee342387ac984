package org.xenctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.xenctl.domain.ConnectOptions;
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

    /** What runLine answers, printing nothing, for a line whose connection was lost while one retry is left. */
    private static final int RETRY = -1;

    @Override
    View execute(Session session) {
        List<String> lines = readLines();
        Invocation batch = invocation();
        Context context = batch.context();
        Session[] current = {session};
        SessionSource outer = context.sessions();
        SessionSource sharing = new SessionSource() {
            @Override
            public Session open(String explicitUri, ConnectOptions options) {
                return current[0].shared();
            }

            @Override
            public String uriFor(String explicitUri) {
                return outer.uriFor(explicitUri);  // what the batch reached: the lines' audit records name it
            }
        };
        Invocation shared = batch.in(new Context(sharing, context.hostRoot(), context.sysfs(), context.defaults(),
                context.audit()));
        int succeeded = 0;
        int failed = 0;
        int firstFailure = ExitStatus.OK;
        boolean reconnected = false;
        try {
            for (int i = 0; i < lines.size(); i++) {
                int number = i + 1;  // a command's first line names it in messages
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                // As in a shell script: a backslash at the end of a line continues the command on the next.
                while (ShellWords.continues(line) && i + 1 < lines.size()) {
                    line = line.substring(0, line.length() - 1) + lines.get(++i).strip();
                }
                if (ShellWords.continues(line)) {
                    line = line.substring(0, line.length() - 1).strip();  // the last line: nothing follows
                }
                int status = runLine(number, line, shared, !reconnected);
                if (status == RETRY) {
                    // Once per batch: libvirtd restarted (an upgrade, a crash) should not fail every line after.
                    reconnected = true;
                    Session again = reconnect(number, batch);
                    if (again == null) {
                        failed++;
                        firstFailure = firstFailure == ExitStatus.OK ? ExitStatus.HOST : firstFailure;
                        break;
                    }
                    current[0] = again;
                    status = runLine(number, line, shared, false);
                }
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
        } finally {
            if (current[0] != session) {
                current[0].close();
            }
        }
        return new BatchSummaryView(succeeded + failed, succeeded, failed, firstFailure);
    }

    @Override
    int exitStatus(View view) {
        return ((BatchSummaryView) view).firstFailure();
    }

    /** How long a batch tries to connect again: a libvirtd being restarted takes a few seconds to listen. */
    private static final long RECONNECT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(15);

    /** A new connection after the batch's was lost, said on stderr; null (said too) when there is none to be had. */
    private static Session reconnect(int number, Invocation batch) {
        long deadline = System.nanoTime() + RECONNECT_NANOS;
        while (true) {
            try {
                Session session = batch.context().sessions().open(batch.connect(), ConnectOptions.WITH_EVENTS);
                batch.err().println("batch: line " + number + ": the connection was lost; reconnected, and the line "
                        + "is run again");
                batch.err().flush();
                return session;
            } catch (XenctlException e) {
                if (e.code() != ErrorCode.CONNECT_FAILED || System.nanoTime() > deadline) {
                    batch.err().print("batch: line " + number + ": the connection was lost, and connecting again "
                            + "failed: ");
                    ErrorReporter.report(e, OutputFormat.TEXT, batch.verbose(), batch.err());
                    return null;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** @param mayRetry a lost connection returns RETRY, printing nothing, instead of being reported */
    private static int runLine(int number, String line, Invocation batch, boolean mayRetry) {
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
            XenctlException failure = ErrorReporter.asFailure(e);
            if (failure.code() == ErrorCode.OUTPUT_FAILED || failure.code() == ErrorCode.OUTPUT_CLOSED) {
                throw failure;  // the batch's output is its record: it ends where that cannot be written
            }
            if (mayRetry && failure.code() == ErrorCode.CONNECTION_LOST) {
                return RETRY;
            }
            return failed(number, line, failure, lineRoot.invocation(batch.context(), out, batch.err()));
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

    /** The batch's lines: its file (a pipe too: {@code <(…)}) or standard input, bounded and UTF-8 (InputFiles). */
    private List<String> readLines() {
        if (file == null || file.equals("-")) {
            return InputFiles.readBatch("standard input", System.in).lines().toList();
        }
        if (file.isEmpty()) {
            throw new XenctlException(ErrorCode.USAGE, "the file name is empty",
                    "name a file of xenctl commands, or - for standard input");
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return InputFiles.readBatch(file, in).lines().toList();
        } catch (NoSuchFileException e) {
            throw new XenctlException(ErrorCode.FILE_NOT_FOUND, "cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new XenctlException(ErrorCode.FILE_NOT_FOUND, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
