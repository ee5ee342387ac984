package org.xenctl.domain;

/**
 * A failure the user can act on: a stable code, a one-line message that says what went wrong and where, and
 * optionally a hint that says what to do.
 */
public class XenctlException extends RuntimeException {
    private final ErrorCode code;
    private final String hint;

    public XenctlException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public XenctlException(ErrorCode code, String message, String hint) {
        this(code, message, hint, null);
    }

    public XenctlException(ErrorCode code, String message, String hint, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.hint = hint;
    }

    public ErrorCode code() {
        return code;
    }

    /** What the user can do about it, or null. */
    public String hint() {
        return hint;
    }
}
