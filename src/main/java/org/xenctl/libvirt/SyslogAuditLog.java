package org.xenctl.libvirt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.xenctl.domain.AuditLog;
import org.xenctl.domain.AuditRecord;

/**
 * The audit log as the system keeps it: one syslog datagram per record on /dev/log, which journald (then {@code
 * journalctl -t xenctl}), rsyslog (authpriv: /var/log/auth.log on Debian) and busybox syslogd all read. Sent as
 * syslog(3) would (facility authpriv, tag "xenctl[PID]"), but through our own socket: syslog(3) can only write to
 * /dev/log, and a test must read the record back from a socket of its own; Java has no Unix datagram sockets.
 *
 * <p>No timestamp in the datagram: each of those daemons stamps what it receives, and leaves the time out of
 * the sender's hands.
 */
public final class SyslogAuditLog implements AuditLog {
    private static final int FACILITY_AUTHPRIV = 10 << 3;
    private static final int SEVERITY_WARNING = 4;
    private static final int SEVERITY_NOTICE = 5;
    private static final int ENOENT = 2;
    private static final int ECONNREFUSED = 111;
    private static final int ENOTSOCK = 88;

    private final Path socket;

    public SyslogAuditLog(Path socket) {
        this.socket = socket;
    }

    @Override
    public Optional<String> record(AuditRecord record) {
        int priority = FACILITY_AUTHPRIV | (record.failed() ? SEVERITY_WARNING : SEVERITY_NOTICE);
        String datagram = "<" + priority + ">xenctl[" + ProcessHandle.current().pid() + "]: " + record.message();
        try {
            Libc.send(socket, datagram.getBytes(StandardCharsets.UTF_8));
            return Optional.empty();
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == ENOENT || errno == ECONNREFUSED || errno == ENOTSOCK) {
                return Optional.empty();  // No log daemon on this system (a container, a rescue shell).
            }
            return Optional.of("the audit record was not written to " + socket + ": " + e.getMessage());
        } catch (UnsatisfiedLinkError e) {
            return Optional.of("the audit record was not written: " + e.getMessage());
        }
    }

    /** The three libc calls a datagram needs, bound directly. */
    private static final class Libc {
        private static final int AF_UNIX = 1;
        private static final int SOCK_DGRAM = 2;
        private static final int SOCK_CLOEXEC = 0x80000;
        /** A log daemon that is stopped or behind must not stop the command: the record is dropped, and said. */
        private static final int MSG_DONTWAIT = 0x40;
        private static final int MSG_NOSIGNAL = 0x4000;
        /** sizeof(struct sockaddr_un): the family, then 108 bytes of path. */
        private static final int SOCKADDR_UN = 110;

        static {
            Native.register(Libc.class, Platform.C_LIBRARY_NAME);
        }

        private Libc() {
        }

        static native int socket(int domain, int type, int protocol) throws LastErrorException;

        static native long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength)
                throws LastErrorException;

        static native int close(int fd);

        static void send(Path socket, byte[] datagram) {
            byte[] path = socket.toString().getBytes(StandardCharsets.UTF_8);
            if (path.length >= SOCKADDR_UN - 2) {
                throw new LastErrorException(36);  // ENAMETOOLONG, as the kernel would answer
            }
            ByteBuffer address = ByteBuffer.allocate(SOCKADDR_UN).order(ByteOrder.nativeOrder());
            address.putShort((short) AF_UNIX).put(path);
            int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            try {
                sendto(fd, datagram, datagram.length, MSG_DONTWAIT | MSG_NOSIGNAL, address.array(), SOCKADDR_UN);
            } finally {
                close(fd);
            }
        }
    }
}
