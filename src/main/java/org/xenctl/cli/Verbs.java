package org.xenctl.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;

/**
 * xenctl's verb table, in the order --help lists them: one {@link Verb} row per verb, the one place that names a
 * verb and says how it reaches libvirt. A command line registers only the verb it runs (building every verb's model
 * would cost a short command a good part of its time), and all of them only when it names none it knows (help, a
 * typo and its suggestions).
 */
final class Verbs {
    static final List<Verb> TABLE = List.of(
            Verb.of("list", ListCommand.class, "List domains: the running ones, every one with --all, or "
                    + "the ones named. One bulk libvirt call where the driver has one, however many "
                    + "domains.").aliases("ls").readOnly(),
            Verb.of("info", InfoCommand.class, "Show a domain: state, resources, type, persistence, "
                    + "autostart and devices.").aliases("dominfo").readOnly(),
            Verb.of("domid", DomidCommand.class, "Print a domain's id (- when it is not running).").readOnly(),
            Verb.of("domname", DomnameCommand.class, "Print a domain's name.").readOnly(),
            Verb.of("define", DefineCommand.class, "Define a persistent domain from an xl.cfg file or "
                    + "libvirt domain XML, or update the definition of the domain with that name. "
                    + "Defining the same file again changes nothing."),
            Verb.of("undefine", UndefineCommand.class, "Remove a domain's persistent definition. A running "
                    + "domain keeps running until it stops."),
            Verb.of("start", StartCommand.class, "Start a defined domain. Starting a running domain "
                    + "succeeds and changes nothing."),
            Verb.of("create", CreateCommand.class, "Create and start a transient domain (as xl create does) "
                    + "from an xl.cfg file or libvirt domain XML. KEY=VALUE arguments are xl.cfg lines "
                    + "appended to the file, so they override it. A failed create leaves nothing behind.").withDryRun(),
            Verb.of("shutdown", ShutdownCommand.class, "Ask a domain (or, with --all, every running domain "
                    + "but Domain-0) to shut down. Shutting down a stopped domain succeeds and changes "
                    + "nothing.").events(),
            Verb.of("destroy", DestroyCommand.class, "Stop a domain at once, like pulling the plug, and "
                    + "return once the hypervisor has released it. Destroying a stopped domain succeeds "
                    + "and changes nothing.").events(),
            Verb.of("reboot", RebootCommand.class, "Ask a running domain to reboot.").events(),
            Verb.of("pause", PauseCommand.class, "Pause a running domain (virsh calls it suspend). Pausing "
                    + "a paused domain succeeds and changes nothing."),
            Verb.of("unpause", UnpauseCommand.class, "Let a paused domain run again (virsh calls it "
                    + "resume). Unpausing a running domain succeeds and changes nothing."),
            Verb.of("rename", RenameCommand.class, "Rename a domain (libvirt renames only domains that are "
                    + "shut off).").aliases("domrename"),
            Verb.of("dumpxml", DumpxmlCommand.class, "Print a domain's libvirt XML: the live one, or with "
                    + "--inactive the definition it will start from next time.").looksOnly(),
            Verb.of("autostart", AutostartCommand.class, "Make a persistent domain start when the host "
                    + "boots, or not with --disable."),
            Verb.of("version", VersionCommand.class, "Show the versions of xenctl, libvirt and the "
                    + "hypervisor, and which URI xenctl connects to and why.").readOnly(),
            Verb.of("batch", BatchCommand.class, "Run xenctl commands, one per line (as typed after "
                    + "'xenctl'; a backslash at the end of a line continues it), in one process over one connection. Blank lines and lines starting with "
                    + "# are skipped; Ctrl-C stops the batch. Exit status: 0 when every command "
                    + "succeeded, else that of the first that failed.").events().looksOnly(),
            Verb.of("help", HelpCommand.class, "The verbs, or one verb's options and arguments (as VERB "
                    + "--help).").offline().looksOnly(),
            Verb.of("config", ConfigCommand.class, "Work with xl.cfg files: check, show, convert, export.").offline()
                    .looksOnly(),
            Verb.of("pci-host-list", PciHostListCommand.class, "The dom0's PCI devices: ids and names, "
                    + "driver, assignment state, IOMMU group, reset methods, and whether dom0 uses them. "
                    + "Reads this machine's sysfs; through a remote -c, libvirt's node-device API (no "
                    + "reset methods or dom0 use there).").readOnly(),
            Verb.of("pci-check", PciCheckCommand.class, "Preflight for passthrough: can these devices be "
                    + "made assignable and given to a guest? A verdict per device with every reason in "
                    + "one line. Exit status 0 when all are assignable (warnings included), 4 when one is "
                    + "refused, 3 when one does not exist.").offline().looksOnly(),
            Verb.of("pci-assignable-add", PciAssignableAddCommand.class, "Make a host PCI device assignable "
                    + "to guests: bind it to xen-pciback, after the preflight of pci-check, remembering "
                    + "its driver (in /var/lib/xenctl/pci) for pci-assignable-remove -r. Idempotent. Exit "
                    + "status 4 when the preflight refuses it."),
            Verb.of("pci-assignable-remove", PciAssignableRemoveCommand.class, "Take a device back from "
                    + "xen-pciback; with -r, give it back to the driver it had before pci-assignable-add. "
                    + "Refused while a running domain has it. Idempotent."),
            Verb.of("pci-assignable-list", PciAssignableListCommand.class, "The devices bound to "
                    + "xen-pciback, one address per line as xl prints them; -l adds their state "
                    + "(assignable, assigned to a domain, pending at next boot), name and driver to "
                    + "restore. An error (exit 6), not an empty list, when xen-pciback is not loaded.").readOnly(),
            Verb.of("pci-restore", PciRestoreCommand.class, "At boot (the xenctl-pci-restore systemd unit) "
                    + "or by hand: make the devices recorded with pci-assignable-add --persistent "
                    + "assignable again, complete an add that was interrupted, and forget the others, "
                    + "which a reboot gave back to their drivers. Exit status 0 when every record was "
                    + "handled, 3 when a device is gone, 4 when the preflight refuses one now, 1 when the "
                    + "kernel refused a bind.").offline(),
            Verb.of("pci-attach", PciAttachCommand.class, "Hand a host PCI device to a domain (xl "
                    + "pci-attach): the running domain now and, for a persistent one, its definition too. "
                    + "Checked first (the device assignable, not another domain's, the domain ready for "
                    + "hot-plug). Idempotent."),
            Verb.of("pci-detach", PciDetachCommand.class, "Take a PCI device away from a domain (xl "
                    + "pci-detach): from the running domain (the guest is asked to release it) and, for a "
                    + "persistent one, from its definition too. The device stays assignable. Idempotent."),
            Verb.of("pci-list", PciListCommand.class, "A domain's host PCI devices (xl pci-list): what the "
                    + "running domain has, or with --config (and for a shut-off domain) what its "
                    + "definition gives it.").readOnly(),
            Verb.of("network-attach", NetworkAttachCommand.class, "Add a network interface to a domain (xl "
                    + "network-attach) from xl's NET_SPEC tokens: the running domain now and, for a persistent "
                    + "one, its definition too. A MAC in 00:16:3e is generated when none is given, and "
                    + "reported. Checked first (the bridge, the MAC, the driver domain). Idempotent for a "
                    + "given MAC.").withDryRun(),
            Verb.of("network-detach", NetworkDetachCommand.class, "Remove a network interface from a domain "
                    + "(xl network-detach), by MAC or by its index in network-list. Idempotent."),
            Verb.of("network-list", NetworkListCommand.class, "Domains' network interfaces (xl network-list): "
                    + "what the running domain has, or with --config (and for a shut-off domain) what its "
                    + "definition gives it.").readOnly(),
            Verb.of("block-attach", BlockAttachCommand.class, "Add a disk to a domain (xl block-attach) from "
                    + "xl's DISK_SPEC: the running domain now and, for a persistent one, its definition too. "
                    + "Checked first (the vdev free, the image not another running domain's read-write "
                    + "disk, the image there on this dom0). Idempotent.").withDryRun(),
            Verb.of("block-detach", BlockDetachCommand.class, "Remove a disk from a domain (xl block-detach) "
                    + "by its vdev. Idempotent."),
            Verb.of("block-list", BlockListCommand.class, "Domains' disks (xl block-list): what the running "
                    + "domain has, or with --config (and for a shut-off domain) what its definition gives "
                    + "it.").readOnly(),
            Verb.of("cd-insert", CdMediaCommand.Insert.class, "Put an image in an HVM guest's CD-ROM drive "
                    + "(xl cd-insert): the running domain and, for a persistent one, its definition. "
                    + "Idempotent; refused for PV and PVH guests, which have no emulated drive."),
            Verb.of("cd-eject", CdMediaCommand.Eject.class, "Empty an HVM guest's CD-ROM drive (xl "
                    + "cd-eject). Idempotent."),
            Verb.of("suspend", PowerStateCommand.Suspend.class, "Suspend the guest to RAM, ACPI S3 (virsh "
                    + "dompmsuspend; virsh's suspend pauses, which is xenctl's pause). The guest does it itself: "
                    + "--wait returns once it has. Idempotent.").events(),
            Verb.of("resume", PowerStateCommand.Resume.class, "Wake a guest suspended to RAM (virsh "
                    + "dompmwakeup; virsh's resume unpauses, which is xenctl's unpause). Idempotent.").events(),
            Verb.of("console", ConsoleCommand.class, "A running domain's console (xl console, virsh console): "
                    + "interactive on a terminal, left with Ctrl-] (--escape); --log copies what the guest prints "
                    + "(one JSON object per line under -o json), --expect TEXT waits until the guest prints "
                    + "TEXT (exit 4 on --timeout), neither needing a terminal.").events().looksOnly(),
            Verb.of("save", SaveCommand.class, "Save a running domain's memory to a file on the host (xl save, "
                    + "virsh save); the domain stops (a defined one stays, shut off). Refused first for a domain "
                    + "with PCI devices passed through and, on the host itself, when the file exists (without "
                    + "--force) or its directory lacks room for the guest's memory."),
            Verb.of("dump-core", DumpCoreCommand.class, "Write a running domain's memory to a core file on the "
                    + "host, for crash(8) or gdb (xl dump-core, virsh dump): paused meanwhile so that the image is "
                    + "consistent (--live: as it runs, as xl does), and left as it was, or destroyed with --crash. "
                    + "Refused first, on the host itself, when the file exists (without --force) or its directory "
                    + "lacks room for the guest's memory.").aliases("dump"),
            Verb.of("restore", RestoreCommand.class, "Run a saved domain again from its file (xl restore, "
                    + "virsh restore), from where it stopped."),
            Verb.of("migrate", MigrateCommand.class, "Move a running domain to another host through libvirt's "
                    + "migration (xl migrate, virsh migrate), live by default; returns once the destination runs "
                    + "it. Refused first when the domain has PCI devices passed through or the destination lacks "
                    + "its bridges, its disk files, its memory, its guest type or a Xen as new. Idempotent."),
            Verb.of("evacuate", EvacuateCommand.class, "Migrate every running guest off a host for its "
                    + "maintenance, one at a time, largest first, each to the destination with the most free "
                    + "memory that passes migrate's checks (--to URI or GROUP; default: the other hosts of its "
                    + "groups); --check prints the plan. A defined guest stays defined, on its new host only."),
            Verb.of("managedsave", ManagedSaveCommand.Save.class, "Save a running defined domain where "
                    + "libvirt keeps it, and stop it: its next start restores it (virsh managedsave). "
                    + "Idempotent."),
            Verb.of("managedsave-remove", ManagedSaveCommand.Remove.class, "Discard a domain's managed save: "
                    + "its next start boots it. Idempotent."),
            Verb.of("mem-set", MemoryCommand.Set.class, "Set a domain's memory (its balloon target, xl "
                    + "mem-set; SIZE in MiB or with xl's units b, k, m, g, t): the running domain and, for a "
                    + "persistent one, its definition. Refused above its maximum or beyond the host's free "
                    + "memory. Idempotent."),
            Verb.of("mem-max", MemoryCommand.Max.class, "Set the most memory a domain may have (xl mem-max). "
                    + "Refused below its current memory. Idempotent."),
            Verb.of("vcpu-set", VcpuSetCommand.class, "Set how many vCPUs a domain has online (xl vcpu-set), "
                    + "at most its maxvcpus. Idempotent."),
            Verb.of("vcpu-pin", VcpuPinCommand.class, "Pin a vCPU, or all, to host CPUs (xl vcpu-pin, xl's "
                    + "CPU list syntax; hard affinity only). Idempotent."),
            Verb.of("vcpu-list", VcpuListCommand.class, "The vCPUs of the named domains, or of every running "
                    + "one (xl vcpu-list): the CPU each runs on, its state, CPU time and affinity.").readOnly(),
            Verb.of("sched-credit", SchedCommand.Credit.class, "The running domains' weight and cap under Xen's "
                    + "credit scheduler (xl sched-credit), or with -d and -w or -c one domain's set: the running "
                    + "domain only (libvirt keeps none in a definition). Refused on a host running another "
                    + "scheduler. Idempotent."),
            Verb.of("sched-credit2", SchedCommand.Credit2.class, "The same under Xen's credit2 scheduler, Xen's "
                    + "default (xl sched-credit2)."),
            Verb.of("host-info", HostInfoCommand.class, "What the host has (xl info, virsh nodeinfo): CPUs and "
                    + "topology, memory free and per NUMA node, scheduler, the guest types it can run.")
                    .readOnly(),
            Verb.of("stats", StatsCommand.class, "xentop's figures for the running domains (or those named), "
                    + "every interval: CPU use, memory, vCPUs, network and block I/O rates; a refreshing table "
                    + "on a terminal, one JSON object per domain per line under -o json, until --count or "
                    + "Ctrl-C. Over several hosts, every host each interval.").aliases("top").events().looksOnly(),
            Verb.of("wait", WaitCommand.class, "Return once a domain is in a state: running, paused, "
                    + "shutoff, or gone (no longer exists); exit 4 when the timeout passes first. Woken "
                    + "by lifecycle events, and checks the state itself too, so a missed event only makes "
                    + "it slower.").events().looksOnly(),
            Verb.of("events", EventsCommand.class, "Print domain lifecycle events as they happen (defined, "
                    + "started, paused, resumed, shutdown, stopped, undefined…, with libvirt's detail), "
                    + "one line each (one JSON object per line under -o json), then a last line saying "
                    + "why it ended. Runs until --count or --timeout, or Ctrl-C.").events().looksOnly());

    /** Each verb under its name and its aliases. */
    static final Map<String, Verb> BY_NAME = byName(TABLE);

    /** The short forms of {@link XenctlCommand#VALUED}, which may end a cluster ("-qc URI"). */
    private static final String VALUED_SHORT = shortForms(XenctlCommand.VALUED);

    private Verbs() {
    }

    private static String shortForms(List<String> options) {
        StringBuilder letters = new StringBuilder();
        for (String option : options) {
            if (option.length() == 2) {
                letters.append(option.charAt(1));
            }
        }
        return letters.toString();
    }

    /** The rows of {@code table} under each of their names, in order. */
    static Map<String, Verb> byName(List<Verb> table) {
        Map<String, Verb> verbs = new LinkedHashMap<>();
        for (Verb verb : table) {
            for (String name : verb.names()) {
                verbs.put(name, verb);
            }
        }
        return verbs;
    }

    /**
     * Registers on {@code root} the verb that {@code args} run; none for a bare --version; every verb when they name
     * none they know (help, a typo).
     */
    static void register(CommandLine root, String[] args) {
        String word = verbWord(args);
        Verb verb = word == null ? null : BY_NAME.get(word);
        if (verb != null) {
            add(root, verb.create());
        } else if (word != null || !asksVersionOnly(args)) {
            for (Verb each : TABLE) {
                add(root, each.create());
            }
        }
    }

    private static void add(CommandLine root, VerbCommand command) {
        root.addSubcommand(command.spec());
        command.underRoot();
    }

    /** Whether {@code args} run a verb that opens a connection (unless its options say otherwise). */
    static boolean connects(String[] args) {
        String word = verbWord(args);
        Verb verb = word == null ? null : BY_NAME.get(word);
        return verb != null && verb.connects() && !asksHelp(args);
    }

    /** Whether {@code args} ask for help rather than to run something. */
    static boolean asksHelp(String[] args) {
        List<String> words = List.of(args);
        return words.contains("-h") || words.contains("--help");
    }

    private static boolean asksVersionOnly(String[] args) {
        List<String> words = List.of(args);
        return (words.contains("-V") || words.contains("--version")) && !asksHelp(args);
    }

    /** The first word that is neither a root option nor an option's value; null when there is none. */
    static String verbWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String word = args[i];
            if (word.equals("--")) {
                return i + 1 < args.length ? args[i + 1] : null;
            }
            if (!word.startsWith("-") || word.equals("-")) {
                return word;
            }
            if (takesNextWord(word)) {
                i++;
            }
        }
        return null;
    }

    /** "-c URI", "--output json", and a short cluster ending in one of them ("-qc URI"); not "-cURI" or "--connect=URI". */
    private static boolean takesNextWord(String option) {
        if (XenctlCommand.VALUED.contains(option)) {
            return true;
        }
        if (option.startsWith("--") || option.length() < 2) {
            return false;
        }
        for (int i = 1; i < option.length(); i++) {
            if (VALUED_SHORT.indexOf(option.charAt(i)) >= 0) {
                return i == option.length() - 1;
            }
        }
        return false;
    }
}
