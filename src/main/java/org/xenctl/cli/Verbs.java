package org.xenctl.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine;

/**
 * xenctl's verbs, in the order --help lists them. A command line registers only the verb it runs (building every
 * verb's model would cost a short command a good part of its time), and all of them only when it names none it knows
 * (help, a typo and its suggestions).
 */
final class Verbs {
    /**
     * Each verb's names as its declaration gives them (VerbsTest holds the two together). Classes rather than
     * constructor references: {@link Main} looks a verb up before anything else, to start loading libvirt, and the
     * first lambda of a process costs milliseconds of method-handle set-up that are better spent after that.
     */
    static final Map<String, Class<? extends Declared>> BY_NAME = new Table()
            .verb(ListCommand.class, "list", "ls")
            .verb(InfoCommand.class, "info", "dominfo")
            .verb(DomidCommand.class, "domid")
            .verb(DomnameCommand.class, "domname")
            .verb(DefineCommand.class, "define")
            .verb(UndefineCommand.class, "undefine")
            .verb(StartCommand.class, "start")
            .verb(CreateCommand.class, "create")
            .verb(ShutdownCommand.class, "shutdown")
            .verb(DestroyCommand.class, "destroy")
            .verb(RebootCommand.class, "reboot")
            .verb(PauseCommand.class, "pause")
            .verb(UnpauseCommand.class, "unpause")
            .verb(RenameCommand.class, "rename", "domrename")
            .verb(DumpxmlCommand.class, "dumpxml")
            .verb(AutostartCommand.class, "autostart")
            .verb(VersionCommand.class, "version")
            .verb(BatchCommand.class, "batch")
            .verb(ConfigCommand.class, "config")
            .verb(PciHostListCommand.class, "pci-host-list")
            .verb(PciCheckCommand.class, "pci-check")
            .verb(PciAssignableAddCommand.class, "pci-assignable-add")
            .verb(PciAssignableRemoveCommand.class, "pci-assignable-remove")
            .verb(PciAssignableListCommand.class, "pci-assignable-list")
            .verb(PciRestoreCommand.class, "pci-restore")
            .verb(PciAttachCommand.class, "pci-attach")
            .verb(PciDetachCommand.class, "pci-detach")
            .verb(PciListCommand.class, "pci-list")
            .verb(WaitCommand.class, "wait")
            .verb(EventsCommand.class, "events")
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
        Class<? extends Declared> verb = word == null ? null : BY_NAME.get(word);
        if (verb != null) {
            root.addSubcommand(create(verb).spec());
        } else if (word != null || !asksVersionOnly(args)) {
            BY_NAME.values().stream().distinct().forEach(each -> root.addSubcommand(create(each).spec()));
        }
    }

    /** Whether {@code args} run a verb that opens a connection (unless its options say otherwise). */
    static boolean connects(String[] args) {
        String word = verbWord(args);
        Class<? extends Declared> verb = word == null ? null : BY_NAME.get(word);
        return verb != null && create(verb).connects() && !asksHelp(args);
    }

    /** A new instance of the verb's command (each declares a constructor without parameters). */
    static Declared create(Class<? extends Declared> verb) {
        try {
            return verb.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the command " + verb.getName(), e);
        }
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

    /** The table in the making: each verb's class under its name and aliases, in order. */
    private static final class Table {
        private final Map<String, Class<? extends Declared>> verbs = new LinkedHashMap<>();

        Table verb(Class<? extends Declared> command, String... names) {
            for (String name : names) {
                verbs.put(name, command);
            }
            return this;
        }

        Map<String, Class<? extends Declared>> map() {
            return Collections.unmodifiableMap(verbs);
        }
    }
}
