package org.xenctl.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.libvirt.Error.ErrorNumber;
import org.xenctl.domain.XenctlException;

/** Error handling for our own native calls: libvirt reports failure by a -1 or NULL and a thread-local error. */
final class NativeCalls {
    /** virError: int code, int domain, char *message, int level, 5 pointers (conn, dom, str1-3), int int1, … */
    private static final int DOMAIN_OFFSET = 4;
    private static final int MESSAGE_OFFSET = 8;
    /** int1, which a system error sets to its errno (libvirt's virReportSystemError; carried over RPC too). */
    private static final int INT1_OFFSET = 16 + 6 * Native.POINTER_SIZE;
    /** virErrorDomain's VIR_FROM_RPC. */
    private static final int FROM_RPC = 7;
    private static final ErrorNumber[] NUMBERS = ErrorNumber.values();

    private NativeCalls() {
    }

    /** Returns {@code result} when it is not negative, else throws libvirt's last error. */
    static int check(int result, String doing) {
        if (result < 0) {
            throw lastError(doing);
        }
        return result;
    }

    static XenctlException lastError(String doing) {
        return failure(LastError.take(), doing);
    }

    /** {@code error} (null: libvirt gave none) in xenctl's words: "DOING: libvirt's message". */
    static XenctlException failure(LastError error, String doing) {
        return error == null ? LibvirtErrors.translate(null, null, doing)
                : LibvirtErrors.translate(error.number(), error.fromRpc(), error.message(), doing);
    }

    /**
     * The calling thread's last libvirt error, read and reset; null when there is none. {@code errno} is the
     * system error's (VIR_ERR_SYSTEM_ERROR), 0 for any other.
     */
    record LastError(ErrorNumber number, boolean fromRpc, String message, int errno) {
        static LastError take() {
            Pointer error = DirectCalls.virGetLastError();
            if (error == null) {
                return null;
            }
            int code = error.getInt(0);
            Pointer message = error.getPointer(MESSAGE_OFFSET);
            LastError last = new LastError(code >= 0 && code < NUMBERS.length ? NUMBERS[code] : null,
                    error.getInt(DOMAIN_OFFSET) == FROM_RPC, message == null ? null : message.getString(0, Native.getDefaultStringEncoding()),
                    code == ErrorNumber.VIR_ERR_SYSTEM_ERROR.ordinal() ? error.getInt(INT1_OFFSET) : 0);
            DirectCalls.virResetLastError();
            return last;
        }
    }
}
