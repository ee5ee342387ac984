package org.xenctl.xlcfg;

/**
 * An error or warning about a config file: where (the file's name as the user gave it, and a position), what, and
 * what to do (a hint, possibly null).
 */
public record XlProblem(Severity severity, String source, Position position, String message, String hint) {

    public enum Severity { ERROR, WARNING }

    public static XlProblem error(String source, Position position, String message, String hint) {
        return new XlProblem(Severity.ERROR, source, position, message, hint);
    }

    public static XlProblem warning(String source, Position position, String message, String hint) {
        return new XlProblem(Severity.WARNING, source, position, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "file:line:column: message", the form compilers use, so that editors can jump to it. */
    public String located() {
        String where = (source == null ? "" : source + ":") + (position == null ? "" : position + ":");
        return where.isEmpty() ? message : where + " " + message;
    }
}
