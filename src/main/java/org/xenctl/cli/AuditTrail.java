package org.xenctl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.xenctl.domain.AuditLog;
import org.xenctl.domain.AuditRecord;
import org.xenctl.libvirt.SyslogAuditLog;

/**
 * Who changed what on which host, and how it ended: one record in the system's log for each command that may
 * change a host ({@link HypervisorCommand#changesHost}), for a command line and for each line of a batch, after it
 * ran or failed. Read back with {@code journalctl -t xenctl} (README, "Audit trail").
 */
public final class AuditTrail {
    private static final Path DEV_LOG = Path.of("/dev/log");

    /** Made when the first record is written: a command that changes nothing never loads JNA for it. */
    private final Supplier<AuditLog> log;
    private final Map<String, String> environment;

    AuditTrail(Supplier<AuditLog> log, Map<String, String> environment) {
        this.log = log;
        this.environment = Map.copyOf(environment);
    }

    /** The system's log: /dev/log, or the socket $XENCTL_SYSLOG_SOCKET names (a chroot's, a test's). */
    static AuditTrail of(Map<String, String> environment) {
        String socket = environment.get("XENCTL_SYSLOG_SOCKET");
        Path path = socket == null || socket.isEmpty() ? DEV_LOG : Path.of(socket);
        return new AuditTrail(() -> new SyslogAuditLog(path), environment);
    }

    /** @return why the record could not be written, if it could not */
    Optional<String> record(List<String> typed, String uri, int exitStatus, String outcome) {
        return log.get().record(new AuditRecord(typed, uri, caller(), exitStatus, outcome));
    }

    private AuditRecord.Caller caller() {
        Path self = Path.of("/proc/self");
        long uid = -1;
        String user = null;
        try {
            uid = ((Number) Files.getAttribute(self, "unix:uid")).longValue();
            user = Files.getOwner(self).getName();
        } catch (IOException | UnsupportedOperationException e) {
            // Not Linux's /proc: the record says what else it knows.
        }
        String sudoUser = environment.get("SUDO_USER");
        return new AuditRecord.Caller(uid, user, sudoUser == null || sudoUser.isEmpty() ? null : sudoUser,
                loginUid(self.resolve("loginuid")));
    }

    /** The kernel's audit login uid; -1 when unset (4294967295) or unreadable. */
    private static long loginUid(Path file) {
        try {
            long value = Long.parseLong(Files.readString(file).strip());
            return value == 4294967295L ? -1 : value;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
