package org.xenctl.cli;

import java.nio.file.Path;
import java.util.Map;

import org.xenctl.host.pci.SysfsWriter;

/**
 * What commands get from outside: how to open a session, where the dom0's own filesystem is (sysfs and /proc for
 * the PCI commands: "/" on a dom0, a sysfs-shaped tree in tests, $XENCTL_HOST_ROOT to inspect a copy), how sysfs
 * is written (the kernel; a simulated one in tests), the defaults of what the command line leaves out
 * (xenctl.conf), and where changes are recorded (the audit trail). One per process (or per batch line, sharing the batch's session), never static, so tests can run
 * commands side by side.
 */
public record Context(SessionSource sessions, Path hostRoot, SysfsWriter sysfs, ConfiguredDefaults defaults,
                      AuditTrail audit) {

    /** The context of a process with this environment. */
    public static Context of(Map<String, String> environment) {
        ConfiguredDefaults defaults = new ConfiguredDefaults(environment);
        return new Context(new LibvirtSessions(defaults), hostRoot(environment), SysfsWriter.KERNEL, defaults,
                AuditTrail.of(environment));
    }

    /** "/" unless $XENCTL_HOST_ROOT names another (for tests: a sysfs-shaped tree); empty is unset, not the cwd. */
    private static Path hostRoot(Map<String, String> environment) {
        String root = environment.get("XENCTL_HOST_ROOT");
        return Path.of(root == null || root.isEmpty() ? "/" : root);
    }

    public Context withSysfs(SysfsWriter writer) {
        return new Context(sessions, hostRoot, writer, defaults, audit);
    }
}
