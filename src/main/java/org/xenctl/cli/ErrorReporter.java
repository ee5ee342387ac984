package org.xenctl.cli;

import java.io.PrintWriter;
import java.util.List;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.InvalidConfigException;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.Json;
import org.xenctl.render.OutputFormat;
import org.xenctl.render.view.ErrorView;
import org.xenctl.render.view.ProblemView;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Writes every failure to stderr once, as "xenctl: error: …" (plus a hint line) or as a JSON error object, and
 * returns its exit status. A stack trace appears only for internal errors and only with -v.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        XenctlCommand root = (XenctlCommand) commandLine.getCommandSpec().root().userObject();
        return report(asFailure(exception), root.output(), root.verbose(), commandLine.getErr());
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        String help = "xenctl " + commandLine.getCommandSpec().qualifiedName(" ").replaceFirst("^xenctl ?", "");
        XenctlException failure = new XenctlException(ErrorCode.USAGE, exception.getMessage(),
                "see '" + help.strip() + " --help'");
        return report(failure, jsonAsked(args) ? OutputFormat.JSON : OutputFormat.TEXT, false, commandLine.getErr());
    }

    static XenctlException asFailure(Throwable exception) {
        if (exception instanceof XenctlException failure) {
            return failure;
        }
        return new XenctlException(ErrorCode.INTERNAL, "internal error: " + exception,
                "run again with -v for the stack trace, and report it", exception);
    }

    static int report(XenctlException failure, OutputFormat format, boolean verbose, PrintWriter err) {
        int status = ExitStatus.of(failure.code().kind());
        if (format == OutputFormat.JSON) {
            err.println(Json.line(errorView(failure)));
        } else if (failure instanceof InvalidConfigException invalid) {
            ProblemText.print(invalid.problems(), err);
        } else {
            err.println("xenctl: error: " + failure.getMessage());
            if (failure.hint() != null) {
                err.println("xenctl: hint: " + failure.hint());
            }
        }
        if (verbose && failure.code() == ErrorCode.INTERNAL && failure.getCause() != null) {
            failure.getCause().printStackTrace(err);
        }
        err.flush();
        return status;
    }

    static ErrorView errorView(XenctlException failure) {
        List<ProblemView> problems = failure instanceof InvalidConfigException invalid
                ? ProblemView.of(invalid.problems()) : List.of();
        return ErrorView.of(failure.code().code(), failure.getMessage(), failure.hint(),
                ExitStatus.of(failure.code().kind()), problems);
    }

    /** Whether the (unparsable) arguments asked for JSON, so that even a usage error comes as JSON. */
    static boolean jsonAsked(String[] args) {
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            if (arg.equalsIgnoreCase("-ojson") || arg.equalsIgnoreCase("--output=json")
                    || ((arg.equals("-o") || arg.equals("--output")) && i + 1 < list.size()
                    && list.get(i + 1).equalsIgnoreCase("json"))) {
                return true;
            }
        }
        return false;
    }
}
