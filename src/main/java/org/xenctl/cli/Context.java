package org.xenctl.cli;

/**
 * What commands get from outside: how to open a session, and where the dom0's own filesystem is (sysfs and /proc
 * for the PCI commands: "/" on a dom0, a sysfs-shaped tree in tests, $XENCTL_HOST_ROOT to inspect a copy). One per
 * process (or per batch line, sharing the batch's session), never static, so tests can run commands side by side.
 */
public record Context(SessionSource sessions, java.nio.file.Path hostRoot) {

    /** The context of a process with this environment. */
    public static Context of(java.util.Map<String, String> environment) {
        return new Context(new LibvirtSessions(environment),
                java.nio.file.Path.of(environment.getOrDefault("XENCTL_HOST_ROOT", "/")));
    }
}
