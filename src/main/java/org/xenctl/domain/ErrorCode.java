package org.xenctl.domain;

/**
 * The stable error codes xenctl reports (the "code" field of a JSON error; docs/json.md lists them). Each belongs to
 * one {@link ErrorKind}, which decides the exit status.
 */
public enum ErrorCode {
    USAGE("usage", ErrorKind.USAGE),
    DOMAIN_NOT_FOUND("domain-not-found", ErrorKind.NOT_FOUND),
    /** Over several hosts, the name (or id) is a domain on more than one. */
    AMBIGUOUS_DOMAIN("ambiguous-domain", ErrorKind.USAGE),
    DEVICE_NOT_FOUND("device-not-found", ErrorKind.NOT_FOUND),
    DEVICE_REFUSED("device-refused", ErrorKind.CONFLICT),
    NO_PCIBACK("no-pciback", ErrorKind.HOST),
    FILE_NOT_FOUND("file-not-found", ErrorKind.BAD_CONFIG),
    FILE_EXISTS("file-exists", ErrorKind.CONFLICT),
    DOMAIN_EXISTS("domain-exists", ErrorKind.CONFLICT),
    WRONG_STATE("wrong-state", ErrorKind.CONFLICT),
    OUT_OF_RANGE("out-of-range", ErrorKind.CONFLICT),
    TIMEOUT("timeout", ErrorKind.CONFLICT),
    /** The destination cannot take the domain (no bridge, too little memory, an older Xen…), said before libvirt is asked. */
    MIGRATION_REFUSED("migration-refused", ErrorKind.CONFLICT),
    /** The verb would stop, freeze or take away Domain-0, and the host with it (see {@link ControlDomain}). */
    CONTROL_DOMAIN("control-domain", ErrorKind.CONFLICT),
    INVALID_CONFIG("invalid-config", ErrorKind.BAD_CONFIG),
    RECORD_DAMAGED("record-damaged", ErrorKind.BAD_CONFIG),
    NO_URI("no-uri", ErrorKind.HOST),
    CONNECT_FAILED("connect-failed", ErrorKind.HOST),
    CONNECTION_LOST("connection-lost", ErrorKind.HOST),
    PERMISSION_DENIED("permission-denied", ErrorKind.HOST),
    UNSUPPORTED("unsupported", ErrorKind.FAILURE),
    OPERATION_FAILED("operation-failed", ErrorKind.FAILURE),
    /** Standard output could not be written (a full disk, a closed descriptor): the results are not all there. */
    OUTPUT_FAILED("output-failed", ErrorKind.FAILURE),
    /** Standard output was a pipe, and its reader went away: the command ends, and says nothing more. */
    OUTPUT_CLOSED("output-closed", ErrorKind.OUTPUT_CLOSED),
    INTERRUPTED("interrupted", ErrorKind.INTERRUPTED),
    INTERNAL("internal", ErrorKind.INTERNAL);

    private final String code;
    private final ErrorKind kind;

    ErrorCode(String code, ErrorKind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public ErrorKind kind() {
        return kind;
    }
}
