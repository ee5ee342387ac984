package org.xenctl.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine;

/**
 * xenctl's verbs, in the order --help lists them. picocli builds a verb's model by reflection, which for every verb
 * costs more than the rest of a short command together; so a command line registers only the verb it runs, and
 * all of them only when it names none it knows (help, a typo and its suggestions).
 */
final class Verbs {
    /** Each verb's names as its {@code @Command} gives them (VerbsTest holds the two together). */
    static final Map<String, Class<?>> BY_NAME = byName(
            ListCommand.class, List.of("list", "ls"),
            InfoCommand.class, List.of("info", "dominfo"),
            DomidCommand.class, List.of("domid"),
            DomnameCommand.class, List.of("domname"),
            DefineCommand.class, List.of("define"),
            UndefineCommand.class, List.of("undefine"),
            StartCommand.class, List.of("start"),
            CreateCommand.class, List.of("create"),
            ShutdownCommand.class, List.of("shutdown"),
            DestroyCommand.class, List.of("destroy"),
            RebootCommand.class, List.of("reboot"),
            PauseCommand.class, List.of("pause"),
            UnpauseCommand.class, List.of("unpause"),
            RenameCommand.class, List.of("rename", "domrename"),
            DumpxmlCommand.class, List.of("dumpxml"),
            AutostartCommand.class, List.of("autostart"),
            VersionCommand.class, List.of("version"),
            BatchCommand.class, List.of("batch"),
            ConfigCommand.class, List.of("config"),
            PciHostListCommand.class, List.of("pci-host-list"),
            PciCheckCommand.class, List.of("pci-check"),
            PciAssignableAddCommand.class, List.of("pci-assignable-add"),
            PciAssignableRemoveCommand.class, List.of("pci-assignable-remove"),
            PciAssignableListCommand.class, List.of("pci-assignable-list"),
            PciRestoreCommand.class, List.of("pci-restore"),
            PciAttachCommand.class, List.of("pci-attach"),
            PciDetachCommand.class, List.of("pci-detach"),
            PciListCommand.class, List.of("pci-list"),
            WaitCommand.class, List.of("wait"),
            EventsCommand.class, List.of("events"));

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
        Class<?> verb = word == null ? null : BY_NAME.get(word);
        if (verb != null) {
            root.addSubcommand(verb);
        } else if (word == null && asksVersionOnly(args)) {
            return;
        } else {
            BY_NAME.values().stream().distinct().forEach(root::addSubcommand);
        }
    }

    private static boolean asksVersionOnly(String[] args) {
        List<String> words = List.of(args);
        return (words.contains("-V") || words.contains("--version"))
                && !words.contains("-h") && !words.contains("--help");
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

    private static Map<String, Class<?>> byName(Object... classesAndNames) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        for (int i = 0; i < classesAndNames.length; i += 2) {
            Class<?> verb = (Class<?>) classesAndNames[i];
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) classesAndNames[i + 1];
            names.forEach(name -> map.put(name, verb));
        }
        return Collections.unmodifiableMap(map);
    }
}
