package org.xenctl.domain;

/** The families of failure; the command line maps each to one documented exit status. */
public enum ErrorKind {
    FAILURE,
    USAGE,
    NOT_FOUND,
    CONFLICT,
    BAD_CONFIG,
    HOST,
    INTERRUPTED,
    /** Standard output was a pipe whose reader went away (`| head`): the end a C tool meets as SIGPIPE. */
    OUTPUT_CLOSED,
    INTERNAL
}
