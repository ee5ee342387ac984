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
    INTERNAL
}
