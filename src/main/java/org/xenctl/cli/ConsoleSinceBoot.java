package org.xenctl.cli;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.GuestConsoleLog;
import org.xenctl.host.Xenconsoled;

/**
 * console --since-boot: libvirt serves a console from the moment it is opened, so what the guest printed before is
 * read where the dom0 keeps it, xenconsoled's log of the domain, which xenctl can read only on the dom0 itself and
 * only when xenconsoled logs guest consoles and stamps them (its marker of a domain's start comes with the stamps).
 * Each refusal names the setting that is missing.
 */
final class ConsoleSinceBoot {
    private static final String SETTINGS = "xenconsoled --log=guest --timestamp=guest (Debian: XENCONSOLED_ARGS in "
            + "/etc/default/xen; Xen's own scripts: XENCONSOLED_TRACE=guest and XENCONSOLED_ARGS in "
            + "/etc/default/xencommons), then restart it";

    private ConsoleSinceBoot() {
    }

    /** Refused before connecting: through a remote URI, the log is on the other host, out of reach. */
    static void requireLocal(Invocation invocation) {
        if (!invocation.reachesThisMachine()) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "--since-boot reads xenconsoled's log in the dom0, "
                    + "which libvirt does not serve through " + invocation.target(),
                    "run xenctl on the dom0 itself (over ssh), or leave --since-boot out");
        }
    }

    /** The domain's console log from its boot, followed; or a refusal saying why it cannot be read here. */
    static GuestConsoleLog open(Invocation invocation, Hypervisor hypervisor, DomainDetails target) {
        String name = target.summary().name();
        if ("hvm".equals(target.guestType())) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "domain " + name + "'s console is its emulated serial "
                    + "port, which xenconsoled does not log: --since-boot reads PV consoles", "leave --since-boot out");
        }
        Xenconsoled daemon = Xenconsoled.running(invocation.context().hostRoot()).orElseThrow(() ->
                new XenctlException(ErrorCode.UNSUPPORTED, "xenconsoled is not running on this host, so it keeps "
                        + "no console log to read the boot of domain " + name + " from",
                        "--since-boot reads the guest logs of xenconsoled --log=guest --timestamp=guest on a Xen "
                                + "dom0"));
        if (!daemon.logsGuests()) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "xenconsoled keeps no guest console logs on this host "
                    + "(it runs without --log=guest)", "start " + SETTINGS);
        }
        String file = daemon.logOf(name);
        if (!daemon.stampsGuestLogs()) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "xenconsoled does not stamp guest console logs here "
                    + "(it runs without --timestamp=guest), so where the boot of domain " + name + " begins in "
                    + file + " cannot be told", "start " + SETTINGS);
        }
        return GuestConsoleLog.fromLastBoot(invocation.context().hostRoot().resolve(file.replaceFirst("^/+", "")),
                sameBoot(hypervisor, target.summary().uuid(), target.summary().id()));
    }

    /** Whether the domain still runs as Xen domain {@code id}: a reboot or a restore gives it another id. */
    static BooleanSupplier sameBoot(Hypervisor hypervisor, String uuid, int id) {
        return () -> {
            Optional<DomainSummary> now = hypervisor.refresh(uuid);
            return now.isPresent() && now.get().isActive() && now.get().id() == id;
        };
    }
}
