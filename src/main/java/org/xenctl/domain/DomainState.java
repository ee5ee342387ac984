package org.xenctl.domain;

import java.util.List;

/**
 * The run state of a domain, as libvirt's virDomainState numbers it, with the reasons libvirt gives for each
 * state (virDomain*Reason, in libvirt's order) so that a reason code can be named without a round trip.
 */
public enum DomainState {
    NOSTATE("nostate", '-', List.of("unknown")),
    RUNNING("running", 'r', List.of("unknown", "booted", "migrated", "restored", "from-snapshot", "unpaused",
            "migration-canceled", "save-canceled", "wakeup", "crashed", "postcopy", "postcopy-failed")),
    BLOCKED("blocked", 'b', List.of("unknown")),
    PAUSED("paused", 'p', List.of("unknown", "user", "migration", "save", "dump", "ioerror", "watchdog",
            "from-snapshot", "shutting-down", "snapshot", "api-error", "starting-up", "postcopy",
            "postcopy-failed")),
    SHUTDOWN("shutdown", 's', List.of("unknown", "user")),
    SHUTOFF("shutoff", '-', List.of("unknown", "shutdown", "destroyed", "crashed", "migrated", "saved", "failed",
            "from-snapshot", "daemon")),
    CRASHED("crashed", 'c', List.of("unknown", "panicked")),
    PMSUSPENDED("pmsuspended", 'S', List.of("unknown"));

    private final String label;
    private final char xlFlag;
    private final List<String> reasons;

    DomainState(String label, char xlFlag, List<String> reasons) {
        this.label = label;
        this.xlFlag = xlFlag;
        this.reasons = reasons;
    }

    /** The state for libvirt's virDomainState number; numbers from a newer libvirt read as NOSTATE. */
    public static DomainState fromCode(int code) {
        DomainState[] all = values();
        return code >= 0 && code < all.length ? all[code] : NOSTATE;
    }

    /** The stable lower-case name used in text and JSON output. */
    public String label() {
        return label;
    }

    /** The letter xl shows for this state in its r-b-p-s-c-d column. */
    public char xlFlag() {
        return xlFlag;
    }

    /** Names libvirt's reason code for this state; codes from a newer libvirt read as "unknown". */
    public String reason(int code) {
        return code >= 0 && code < reasons.size() ? reasons.get(code) : "unknown";
    }

    /** True when the domain exists in the hypervisor (has an id), whatever it is doing. */
    public boolean isActive() {
        return this != SHUTOFF && this != NOSTATE;
    }
}
