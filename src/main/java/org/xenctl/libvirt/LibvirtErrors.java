package org.xenctl.libvirt;

import java.util.EnumMap;
import java.util.Map;

import org.libvirt.Error.ErrorDomain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/** Turns libvirt errors into xenctl's typed failures, by libvirt's error number and never by message text. */
final class LibvirtErrors {
    private static final Map<ErrorNumber, ErrorCode> BY_NUMBER = new EnumMap<>(ErrorNumber.class);
    private static final int ENOENT = 2;
    private static final int ENOTDIR = 20;

    static {
        map(ErrorCode.DOMAIN_NOT_FOUND, ErrorNumber.VIR_ERR_NO_DOMAIN);
        map(ErrorCode.DEVICE_NOT_FOUND, ErrorNumber.VIR_ERR_NO_NODE_DEVICE);
        map(ErrorCode.DOMAIN_EXISTS, ErrorNumber.VIR_ERR_DOM_EXIST, ErrorNumber.VIR_ERR_MULTIPLE_DOMAINS);
        map(ErrorCode.WRONG_STATE, ErrorNumber.VIR_ERR_OPERATION_INVALID, ErrorNumber.VIR_ERR_RESOURCE_BUSY,
                ErrorNumber.VIR_ERR_BLOCK_COPY_ACTIVE);
        map(ErrorCode.INVALID_CONFIG, ErrorNumber.VIR_ERR_XML_ERROR, ErrorNumber.VIR_ERR_XML_DETAIL,
                ErrorNumber.VIR_ERR_XML_INVALID_SCHEMA, ErrorNumber.VIR_ERR_CONFIG_UNSUPPORTED,
                ErrorNumber.VIR_ERR_OS_TYPE, ErrorNumber.VIR_ERR_NO_KERNEL, ErrorNumber.VIR_ERR_NO_OS,
                ErrorNumber.VIR_ERR_NO_NAME, ErrorNumber.VIR_ERR_NO_SOURCE, ErrorNumber.VIR_ERR_NO_TARGET,
                ErrorNumber.VIR_ERR_PARSE_FAILED, ErrorNumber.VIR_ERR_CONF_SYNTAX, ErrorNumber.VIR_ERR_INVALID_MAC,
                ErrorNumber.VIR_ERR_CPU_INCOMPATIBLE);
        map(ErrorCode.UNSUPPORTED, ErrorNumber.VIR_ERR_NO_SUPPORT, ErrorNumber.VIR_ERR_OPERATION_UNSUPPORTED,
                ErrorNumber.VIR_ERR_ARGUMENT_UNSUPPORTED);
        map(ErrorCode.PERMISSION_DENIED, ErrorNumber.VIR_ERR_AUTH_FAILED, ErrorNumber.VIR_ERR_AUTH_CANCELLED,
                ErrorNumber.VIR_ERR_AUTH_UNAVAILABLE, ErrorNumber.VIR_ERR_ACCESS_DENIED,
                ErrorNumber.VIR_ERR_OPERATION_DENIED);
        map(ErrorCode.CONNECTION_LOST, ErrorNumber.VIR_ERR_INVALID_CONN, ErrorNumber.VIR_ERR_RPC,
                ErrorNumber.VIR_ERR_NO_CONNECT, ErrorNumber.VIR_ERR_SSH, ErrorNumber.VIR_ERR_LIBSSH,
                ErrorNumber.VIR_ERR_GNUTLS_ERROR, ErrorNumber.VIR_ERR_UNKNOWN_HOST, ErrorNumber.VIR_ERR_NO_SERVER);
        map(ErrorCode.TIMEOUT, ErrorNumber.VIR_ERR_OPERATION_TIMEOUT);
    }

    private LibvirtErrors() {
    }

    private static void map(ErrorCode code, ErrorNumber... numbers) {
        for (ErrorNumber number : numbers) {
            BY_NUMBER.put(number, code);
        }
    }

    /** The xenctl code for a libvirt error number; OPERATION_FAILED for the ones with no closer meaning. */
    static ErrorCode codeOf(ErrorNumber number) {
        return number == null ? ErrorCode.OPERATION_FAILED : BY_NUMBER.getOrDefault(number, ErrorCode.OPERATION_FAILED);
    }

    /** Wraps a libvirt error, prefixing what xenctl was doing: "cannot pause domain web: <libvirt's reason>". */
    static XenctlException translate(LibvirtException e, String doing) {
        ErrorNumber number = e.getError() == null ? null : e.getError().getCode();
        String reason = e.getError() == null ? e.getMessage() : e.getError().getMessage();
        ErrorCode code = e.getError() != null && e.getError().getDomain() == ErrorDomain.VIR_FROM_RPC
                ? rpcCode(number) : codeOf(number);
        return new XenctlException(code, doing + ": " + oneLine(reason), hintFor(number), e);
    }

    /**
     * libvirt's "cannot acquire state change lock" is its timeout waiting for the job another call holds on the
     * domain; libvirt 9.0's libxl driver also leaves one held after a failed migration, until libvirtd restarts.
     */
    private static String hintFor(ErrorNumber number) {
        return number == ErrorNumber.VIR_ERR_OPERATION_TIMEOUT
                ? "another operation holds the domain in libvirtd; if none runs, a failed migration left its job "
                        + "held (libvirt 9.0's libxl driver) and restarting libvirtd on that host releases it"
                : null;
    }

    /**
     * A failure of the RPC layer itself (libvirt's "client socket is closed", "cannot recv data") is the connection
     * lost, whatever generic number it carries: told by libvirt's error domain, not by its words.
     */
    static ErrorCode rpcCode(ErrorNumber number) {
        return number == ErrorNumber.VIR_ERR_INTERNAL_ERROR || number == ErrorNumber.VIR_ERR_SYSTEM_ERROR
                ? ErrorCode.CONNECTION_LOST : codeOf(number);
    }

    /** The same for an error read with virGetLastError after one of our own native calls (null: none). */
    static XenctlException translate(ErrorNumber number, String message, String doing) {
        return translate(number, false, message, doing);
    }

    /** @param fromRpc whether libvirt's error domain is its RPC layer (VIR_FROM_RPC) */
    static XenctlException translate(ErrorNumber number, boolean fromRpc, String message, String doing) {
        if (number == null && message == null) {
            return new XenctlException(ErrorCode.OPERATION_FAILED, doing + ": libvirt gave no reason");
        }
        return new XenctlException(fromRpc ? rpcCode(number) : codeOf(number), doing + ": " + oneLine(message),
                hintFor(number));
    }

    /**
     * A file (or its directory) the host does not have, told by the errno libvirt's system error carries: for the
     * verbs that name a file on the host (save, restore, dump-core), which xenctl checks itself only on the host.
     * Null for any other failure.
     */
    static XenctlException missingHostFile(int errno, String message, String doing) {
        if (errno != ENOENT && errno != ENOTDIR) {
            return null;
        }
        return new XenctlException(ErrorCode.FILE_NOT_FOUND, doing + ": the host has no such file or directory ("
                + oneLine(message) + ")", "the path is read on the host libvirtd runs on, not here");
    }

    /** Failure to open a connection is always a host problem, whatever libvirt's number for it. */
    static XenctlException connectFailure(ErrorNumber number, String reason, String uri) {
        ErrorCode code = codeOf(number) == ErrorCode.PERMISSION_DENIED ? ErrorCode.PERMISSION_DENIED
                : ErrorCode.CONNECT_FAILED;
        return new XenctlException(code, "cannot connect to " + uri + ": " + oneLine(reason),
                code == ErrorCode.PERMISSION_DENIED
                        ? "run as root, or ask for a read-only view where the command allows it"
                        : "check the URI and that libvirtd runs on that host (virsh -c " + uri + " version)");
    }

    static String oneLine(String text) {
        return text == null ? "unknown libvirt error" : text.strip().replaceAll("\\s*\\n\\s*", "; ");
    }
}
