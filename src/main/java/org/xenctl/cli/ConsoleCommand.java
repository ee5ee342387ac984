package org.xenctl.cli;

import java.time.Duration;
import java.util.Optional;

import org.xenctl.domain.Console;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.ErrorKind;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.GuestConsoleLog;
import org.xenctl.render.OutputFormat;
import org.xenctl.render.View;
import org.xenctl.render.view.ConsoleEndView;
import org.xenctl.render.view.ConsoleLineView;

/**
 * console (xl's and virsh's): the running domain's console through libvirt. Interactive on a terminal (raw mode,
 * left with Ctrl-] or the --escape key); for scripts, --log copies what the guest prints (one JSON object per line
 * under -o json) and --expect waits for a text, each until --timeout, the console closing, or Ctrl-C.
 */
final class ConsoleCommand extends HypervisorCommand {
    private static final Duration TURN = Duration.ofMillis(200);

    String domain;
    String type;
    Integer number;
    String escape = ConsoleEscape.DEFAULT;
    boolean force;
    boolean log;
    boolean follow;
    boolean sinceBoot;
    String expect;
    Duration timeout;

    @Override
    void declare(Declaration declaration) {
        declaration
                .option("-t|--type", "TYPE", String.class, "pv or serial: the domain's first console, the only "
                        + "one libvirt's libxl driver opens (pv for PV and PVH guests, serial for HVM)", v -> type = v)
                .option("-n|--num", "N", Integer.class, "which console of that type: 0 only (see --type)",
                        v -> number = v)
                .option("-e|--escape", "KEY", String.class, "the key that leaves it (default ^], Ctrl-])",
                        v -> escape = v)
                .flag("-f|--force", "take the console over from another session", v -> force = v)
                .flag("--log", "copy what the guest prints to stdout, no terminal needed", v -> log = v)
                .flag("--follow", "with --log or --expect: go on through reboots (the console of the domain each "
                        + "time it runs again) until --timeout, Ctrl-C, or the domain is gone", v -> follow = v)
                .flag("--since-boot", "with --log or --expect: from the domain's boot on, read where xenconsoled "
                        + "logs it on this dom0 (xenconsoled --log=guest --timestamp=guest; PV consoles; takes no "
                        + "console from another session)", v -> sinceBoot = v)
                .option("--expect", "TEXT", String.class, "wait until the guest prints TEXT, then exit 0 (exit 4 "
                        + "when the time runs out or the console closes first)", v -> expect = v)
                .option("--timeout", "S", Duration.class, new Seconds(), "stop --log or --expect after S seconds",
                        v -> timeout = v)
                .domain(v -> domain = v);
    }

    @Override
    boolean streams() {
        return log;
    }

    /** Before connecting: options that do not go together, and --since-boot through a remote URI. */
    @Override
    void checkOptions() {
        if ((timeout != null || follow || sinceBoot) && !log && expect == null) {
            throw new XenctlException(ErrorCode.USAGE, (sinceBoot ? "--since-boot" : follow ? "--follow"
                    : "--timeout") + " goes with --log or --expect", null);
        }
        if (expect != null && expect.isEmpty()) {
            throw new XenctlException(ErrorCode.USAGE, "--expect needs a text to wait for", null);
        }
        if (sinceBoot) {
            ConsoleSinceBoot.requireLocal(invocation());
        }
    }

    @Override
    View execute(Session session) {
        ConsoleEscape leave = ConsoleEscape.parse(escape);
        if (number != null && number != 0) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "console " + number + " cannot be opened: libvirt's "
                    + "libxl driver opens a domain's first console only", "leave --num out");
        }
        Hypervisor hypervisor = session.hypervisor();
        DomainDetails target = hypervisor.details(hypervisor.lookup(DomainRef.of(domain)));
        String name = target.summary().name();
        if (!target.summary().isActive()) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " is not running ("
                    + target.summary().state().label() + "): it has no console", "start it first");
        }
        String first = "hvm".equals(target.guestType()) ? "serial" : "pv";
        if (type != null && !type.equals(first)) {
            if (!type.equals("pv") && !type.equals("serial")) {
                throw new XenctlException(ErrorCode.USAGE, "--type is pv or serial, not '" + type + "'", null);
            }
            throw new XenctlException(ErrorCode.UNSUPPORTED, "domain " + name + "'s " + type + " console cannot be "
                    + "opened: libvirt's libxl driver opens the first console only, its " + first + " one",
                    "leave --type out");
        }
        if (log || expect != null) {
            String uuid = target.summary().uuid();
            if (sinceBoot) {
                GuestConsoleLog boot = ConsoleSinceBoot.open(invocation(), hypervisor, target);
                return read(hypervisor, boot, (ended, running) -> {
                    boot.nextBoot(ConsoleSinceBoot.sameBoot(hypervisor, uuid, running.id()));
                    return boot;
                }, uuid, name);
            }
            return read(hypervisor, hypervisor.openConsole(uuid, force), (ended, running) -> {
                ended.close();
                return hypervisor.openConsole(uuid, force);
            }, uuid, name);
        }
        InteractiveConsole.requireTerminal("--log copies what the guest prints, --expect TEXT waits for a text");
        return InteractiveConsole.run(invocation(), hypervisor, target.summary().uuid(), name, leave, force);
    }

    /** Where --log and --expect read: libvirt's console stream, or (--since-boot) xenconsoled's log of it. */
    @FunctionalInterface
    private interface Feed {
        /** The console once the domain runs again, as {@code running}, after {@code ended} returned -1. */
        Console again(Console ended, DomainSummary running);
    }

    /**
     * After the console ended (-1): with --follow, the console of the domain once it runs again (a reboot gives a
     * Xen guest a new domain and a new console); else, or when the time runs out first, or the domain is gone for
     * good (a transient one that stopped), null, {@code ended} closed.
     */
    private Console next(Hypervisor hypervisor, Feed feed, Console ended, String uuid, long deadline) {
        while (follow && System.nanoTime() < deadline) {
            Optional<DomainSummary> now = hypervisor.refresh(uuid);
            if (now.isEmpty()) {
                break;
            }
            if (now.get().isActive()) {
                try {
                    return feed.again(ended, now.get());
                } catch (XenctlException e) {
                    if (e.code().kind() == ErrorKind.HOST) {
                        throw e;
                    }
                    // not ready yet (the new domain's console is being set up): try again shortly
                }
            }
            hypervisor.idle(Duration.ofMillis(Math.min(500, Math.max(1, (deadline - System.nanoTime()) / 1_000_000))));
        }
        ended.close();
        return null;
    }

    /** --log and --expect: what the guest prints, until the text, the time, or the console's end. */
    private View read(Hypervisor hypervisor, Console first, Feed feed, String uuid, String name) {
        long started = System.nanoTime();
        long deadline = timeout == null ? Long.MAX_VALUE : started + timeout.toNanos();
        boolean json = invocation().output() == OutputFormat.JSON;
        ConsoleText text = new ConsoleText();
        ConsoleExpect expected = expect == null ? null : new ConsoleExpect(expect);
        String ended = null;
        Console console = first;
        try {
            byte[] chunk = new byte[8192];
            while (ended == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    ended = "timeout";
                    break;
                }
                int read = console.read(chunk, Duration.ofNanos(Math.min(left, TURN.toNanos())));
                if (read < 0) {
                    console = next(hypervisor, feed, console, uuid, deadline);
                    if (console == null) {
                        ended = System.nanoTime() >= deadline ? "timeout" : "closed";
                    }
                    continue;
                }
                if (read == 0) {
                    continue;
                }
                if (log) {
                    copy(text, json, name, chunk, read);
                }
                if (expected != null && expected.seenAfter(chunk, read)) {
                    ended = "matched";
                }
            }
        } finally {
            if (console != null) {
                console.close();
            }
        }
        if (log) {
            String rest = text.rest();
            if (json && rest != null) {
                renderNow(new ConsoleLineView(name, rest));
            } else if (!json) {
                invocation().out().flush();
            }
        }
        double seconds = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
        if (expected != null && !ended.equals("matched")) {
            throw ended.equals("timeout")
                    ? new XenctlException(ErrorCode.TIMEOUT, "'" + expect + "' did not appear on the console of "
                            + "domain " + name + " within " + seconds + " s", null)
                    : new XenctlException(ErrorCode.WRONG_STATE, "the console of domain " + name + " closed before "
                            + "'" + expect + "' appeared", null);
        }
        String message = ended.equals("matched") ? "Saw '" + expect + "' on the console of domain " + name
                + " after " + seconds + " s." : null;
        return new ConsoleEndView(name, ended, expect, seconds, log && !json ? null : message);
    }

    private void copy(ConsoleText text, boolean json, String name, byte[] chunk, int read) {
        if (json) {
            for (String line : text.lines(chunk, read)) {
                renderNow(new ConsoleLineView(name, line));
            }
        } else {
            invocation().out().print(text.decode(chunk, read));
            invocation().out().flush();
        }
    }
}
