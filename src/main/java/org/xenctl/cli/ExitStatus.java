package org.xenctl.cli;

import org.xenctl.domain.ErrorKind;

/** xenctl's documented exit statuses (README "Exit status"). */
public final class ExitStatus {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int CONFLICT = 4;
    public static final int BAD_CONFIG = 5;
    public static final int HOST = 6;
    /** Over several hosts, some answered and some did not: the answer holds what the others said. */
    public static final int PARTIAL = 7;
    public static final int INTERNAL = 70;
    public static final int INTERRUPTED = 130;
    /** 128 + SIGPIPE: what the shell reports for a C tool whose output pipe's reader went away. */
    public static final int OUTPUT_CLOSED = 141;

    private ExitStatus() {
    }

    public static int of(ErrorKind kind) {
        return switch (kind) {
            case FAILURE -> FAILURE;
            case USAGE -> USAGE;
            case NOT_FOUND -> NOT_FOUND;
            case CONFLICT -> CONFLICT;
            case BAD_CONFIG -> BAD_CONFIG;
            case HOST -> HOST;
            case INTERRUPTED -> INTERRUPTED;
            case OUTPUT_CLOSED -> OUTPUT_CLOSED;
            case INTERNAL -> INTERNAL;
        };
    }
}
