package org.xenctl.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import picocli.CommandLine;

/**
 * xenctl's verbs, in the order --help lists them. A command line registers only the verb it runs (building every
 * verb's model would cost a short command a good part of its time), and all of them only when it names none it knows
 * (help, a typo and its suggestions).
 */
final class Verbs {
    /** Each verb's names as its declaration gives them (VerbsTest holds the two together). */
    static final Map<String, Supplier<Declared>> BY_NAME = new Table()
            .verb(ListCommand::new, "list", "ls")
            .verb(InfoCommand::new, "info", "dominfo")
            .verb(DomidCommand::new, "domid")
            .verb(DomnameCommand::new, "domname")
            .verb(DefineCommand::new, "define")
            .verb(UndefineCommand::new, "undefine")
            .verb(StartCommand::new, "start")
            .verb(CreateCommand::new, "create")
            .verb(ShutdownCommand::new, "shutdown")
            .verb(DestroyCommand::new, "destroy")
            .verb(RebootCommand::new, "reboot")
            .verb(PauseCommand::new, "pause")
            .verb(UnpauseCommand::new, "unpause")
            .verb(RenameCommand::new, "rename", "domrename")
            .verb(DumpxmlCommand::new, "dumpxml")
            .verb(AutostartCommand::new, "autostart")
            .verb(VersionCommand::new, "version")
            .verb(BatchCommand::new, "batch")
            .verb(ConfigCommand::new, "config")
            .verb(PciHostListCommand::new, "pci-host-list")
            .verb(PciCheckCommand::new, "pci-check")
            .verb(PciAssignableAddCommand::new, "pci-assignable-add")
            .verb(PciAssignableRemoveCommand::new, "pci-assignable-remove")
            .verb(PciAssignableListCommand::new, "pci-assignable-list")
            .verb(PciRestoreCommand::new, "pci-restore")
            .verb(PciAttachCommand::new, "pci-attach")
            .verb(PciDetachCommand::new, "pci-detach")
            .verb(PciListCommand::new, "pci-list")
            .verb(WaitCommand::new, "wait")
            .verb(EventsCommand::new, "events")
            .map();

    /** The root's options that take a value: the word after them is not the verb. */
    private static final Set<String> VALUED_OPTIONS = Set.of("-c", "--connect", "-o", "--output");
    private static final String VALUED_SHORT = "co";

    private Verbs() {
    }

    /**
     * Registers on {@code root} the verb that {@code args} run; none for a bare --version; every verb when they name
     * none they know (help, a typo).
     */
    static void register(CommandLine root, String[] args) {
        String word = verbWord(args);
        Supplier<Declared> verb = word == null ? null : BY_NAME.get(word);
        if (verb != null) {
            root.addSubcommand(verb.get().spec());
        } else if (word != null || !asksVersionOnly(args)) {
            BY_NAME.values().stream().distinct().forEach(each -> root.addSubcommand(each.get().spec()));
        }
    }

    /** Whether {@code args} run a verb that opens a connection (unless its options say otherwise). */
    static boolean connects(String[] args) {
        String word = verbWord(args);
        Supplier<Declared> factory = word == null ? null : BY_NAME.get(word);
        return factory != null && factory.get().connects() && !asksHelp(args);
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
        if (VALUED_OPTIONS.contains(option)) {
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

    /** The table in the making: each verb's factory under its name and aliases, in order. */
    private static final class Table {
        private final Map<String, Supplier<Declared>> verbs = new LinkedHashMap<>();

        Table verb(Supplier<Declared> factory, String... names) {
            for (String name : names) {
                verbs.put(name, factory);
            }
            return this;
        }

        Map<String, Supplier<Declared>> map() {
            return Collections.unmodifiableMap(verbs);
        }
    }
}
