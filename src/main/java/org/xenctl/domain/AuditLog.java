package org.xenctl.domain;

import java.util.Optional;

/** Where the records of changes to a host go: the system's log (syslog, journald), never a file of xenctl's own. */
public interface AuditLog {
    /** Records nothing: for tests of other things and for callers that change nothing. */
    AuditLog NONE = record -> Optional.empty();

    /**
     * Writes {@code record}, without blocking on a busy or frozen log daemon.
     *
     * @return why the record could not be written, if it could not while a log exists to write to; nothing when it
     *         was written or when this system has no log daemon at all
     */
    Optional<String> record(AuditRecord record);
}
