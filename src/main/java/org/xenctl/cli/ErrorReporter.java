package org.xenctl.cli;

import java.io.PrintWriter;
import java.util.List;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.Json;
import org.xenctl.render.OutputFormat;
import org.xenctl.render.Printable;
import org.xenctl.render.view.ErrorView;
import org.xenctl.render.view.ProblemView;
import org.xenctl.xlcfg.PastedCharacters;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one message on stderr, "xenctl: error: …" (plus a hint line) or a JSON error object, and
 * its exit status: the one place where a failure becomes what the user sees. A stack trace appears only for internal
 * errors and only with -v.
 */
final class ErrorReporter {
    private ErrorReporter() {
    }

    /** The failure as xenctl reports it: an unexpected exception is an internal error (a bug). */
    static XenctlException asFailure(Throwable exception) {
        if (exception instanceof XenctlException failure) {
            return failure;
        }
        if (exception instanceof ParameterException usage) {
            return withPastedCharactersNamed(usage(usage));
        }
        return new XenctlException(ErrorCode.INTERNAL, "internal error: " + exception,
                "run again with -v for the stack trace, and report it", exception);
    }

    /**
     * A command line pasted from a web page may hold a no-break or zero-width space: "'list --all' is not a xenctl
     * verb" shows nothing wrong, so the character is named and the hint says how to mend it.
     */
    private static XenctlException withPastedCharactersNamed(XenctlException usage) {
        String named = PastedCharacters.naming(usage.getMessage());
        return named.equals(usage.getMessage()) ? usage : new XenctlException(usage.code(), named,
                PastedCharacters.mending(usage.getMessage(), usage.hint()));
    }

    /** A command line picocli could not parse: a usage error pointing at the verb's help. */
    private static XenctlException usage(ParameterException exception) {
        CommandLine commandLine = exception.getCommandLine();
        String verb = commandLine == null ? "" : commandLine.getCommandSpec().qualifiedName(" ")
                .replaceFirst("^xenctl ?", "").strip();
        String help = verb.isEmpty() ? "xenctl help" : "xenctl help " + verb;
        if (exception instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            boolean isVerb = verb.isEmpty() && !word.startsWith("-");
            List<String> similar = isVerb ? Suggestions.verbsLike(word)
                    : word.startsWith("-") ? unmatched.getSuggestions() : List.of();
            String guess = similar.isEmpty() ? "" : "did you mean " + Suggestions.either(similar) + "? ";
            ForeignVerbs.Answer foreign = isVerb ? ForeignVerbs.of(word) : null;
            if (foreign != null) {
                return new XenctlException(ErrorCode.USAGE, foreign.message(), foreign.hint());
            }
            if (isVerb) {
                return new XenctlException(ErrorCode.USAGE, "'" + word + "' is not a xenctl verb", guess + "'"
                        + help + "' lists them");
            }
            return new XenctlException(ErrorCode.USAGE, exception.getMessage(), guess + "see '" + help + "'");
        }
        String unmatched = exception instanceof MissingParameterException && commandLine != null
                ? commandLine.getUnmatchedArguments().stream().filter(w -> w.startsWith("-")).findFirst().orElse(null)
                : null;
        if (unmatched != null) {
            // "mem-set web -5m": picocli took -5m for an unknown option and then missed SIZE; the option is the cause
            return new XenctlException(ErrorCode.USAGE, "Unknown option: '" + unmatched + "'", "a value that starts "
                    + "with '-' goes after '--' ('xenctl " + verb + " … -- " + unmatched + "'); see '" + help + "'");
        }
        if (verb.equals("info") && exception instanceof MissingParameterException) {
            // xl info is the host's facts: here that is host-info, and info is one domain's (xl list -l)
            return new XenctlException(ErrorCode.USAGE, exception.getMessage(), "info shows a domain; the host's "
                    + "facts (xl info) are 'xenctl host-info'");
        }
        return new XenctlException(ErrorCode.USAGE, exception.getMessage(), "see '" + help + "'");
    }

    /** Prints {@code exception} as {@code format} asks and returns its exit status. */
    static int report(Throwable exception, OutputFormat format, boolean verbose, PrintWriter err) {
        XenctlException failure = asFailure(exception);
        int status = ExitStatus.of(failure.code().kind());
        if (failure.code() == ErrorCode.OUTPUT_CLOSED) {
            return status;  // nobody reads any more: as quiet as a C tool ended by SIGPIPE
        }
        if (format == OutputFormat.JSON) {
            err.println(Json.line(errorView(failure)));
        } else if (failure instanceof InvalidConfigException invalid) {
            Problems.print(invalid.problems(), err);
        } else {
            err.println("xenctl: error: " + Printable.of(failure.getMessage()));
            if (failure.hint() != null) {
                err.println("xenctl: hint: " + Printable.of(failure.hint()));
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
                ? Problems.views(invalid.problems()) : List.of();
        return ErrorView.of(failure.code().code(), failure.getMessage(), failure.hint(),
                ExitStatus.of(failure.code().kind()), problems);
    }
}
