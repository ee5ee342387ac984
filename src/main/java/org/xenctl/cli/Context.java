package org.xenctl.cli;

/**
 * What commands get from outside: how to open a session. One per process (or per batch line, sharing the
 * batch's session), never static, so tests can run commands side by side.
 */
public record Context(SessionSource sessions) { }
