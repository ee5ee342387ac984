package org.xenctl.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Parses the everyday command lines ("-c URI -o json list --all", "info web1") straight from the
 * {@link Declaration}s, without picocli: in a fresh JVM, building picocli's model and running its parser costs a
 * short command ~10 ms of its ~70. It takes only what it understands completely — options by their exact names, a
 * flag or an option with its value as the next word, each once, the root's options before or after the verb, "--",
 * positional parameters that fit their declared arity — and otherwise answers false having set nothing, and picocli
 * parses the line from the start: help, version, every usage error and rarer syntax ("--output=json", "-qa",
 * "@file") stay picocli's alone, so they read the same whichever parser would have been tried first.
 */
final class QuickParser {
    private final Declaration root;
    private final Declaration verb;
    private final List<Assignment> assignments = new ArrayList<>();
    private final Set<Argument> given = Collections.newSetFromMap(new IdentityHashMap<>());

    /** A value to set once the whole line is understood. */
    private record Assignment(Argument argument, Object value) { }

    private QuickParser(Declaration root, Declaration verb) {
        this.root = root;
        this.verb = verb;
    }

    /**
     * Sets the values {@code args} give to {@code root}'s and {@code verb}'s fields and returns true, or returns false
     * having set nothing when picocli must parse them.
     */
    static boolean parse(Declaration root, Declaration verb, String[] args) {
        if (!root.quickParsable() || !verb.quickParsable()) {
            return false;
        }
        QuickParser parser = new QuickParser(root, verb);
        if (!parser.understands(args)) {
            return false;
        }
        parser.assignments.forEach(each -> each.argument().setter().accept(each.value()));
        return true;
    }

    private boolean understands(String[] args) {
        boolean verbSeen = false;
        boolean optionsEnded = false;
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String word = args[i];
            if (word.startsWith("@")) {
                return false; // picocli reads the arguments from that file
            }
            if (!verbSeen) {
                if (isOptionLike(word)) {
                    i = option(rootOption(word), args, i);
                } else if (names(verb).contains(word)) {
                    verbSeen = true;
                } else {
                    return false;
                }
            } else if (!optionsEnded && word.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && isOptionLike(word)) {
                i = option(verbOption(word), args, i);
            } else {
                values.add(word);
            }
            if (i < 0) {
                return false;
            }
        }
        return verbSeen && positionals(values);
    }

    private static boolean isOptionLike(String word) {
        return word.startsWith("-") && !word.equals("-");
    }

    private static List<String> names(Declaration declaration) {
        List<String> names = new ArrayList<>(declaration.aliases());
        names.add(declaration.name());
        return names;
    }

    private Argument rootOption(String word) {
        return find(root.arguments(), word, false);
    }

    /** After the verb: its own options and the root's inherited ones. */
    private Argument verbOption(String word) {
        Argument own = find(verb.arguments(), word, false);
        return own != null ? own : find(root.arguments(), word, true);
    }

    private static Argument find(List<Argument> arguments, String word, boolean inheritedOnly) {
        for (Argument argument : arguments) {
            if (argument.isOption() && argument.names().contains(word) && (argument.inherited() || !inheritedOnly)) {
                return argument;
            }
        }
        return null;
    }

    /** Takes the option at {@code args[i]} (and its value); the index of the last word taken, or -1. */
    private int option(Argument option, String[] args, int i) {
        if (option == null || !given.add(option)) {
            return -1; // unknown here, or given twice: picocli says which
        }
        if (option.isFlag()) {
            assignments.add(new Assignment(option, Boolean.TRUE));
            return i;
        }
        if (i + 1 >= args.length || args[i + 1].startsWith("-") || !option.convertsWithoutPicocli()) {
            return -1;
        }
        return assign(option, args[i + 1]) ? i + 1 : -1;
    }

    /**
     * Hands the positional values to the verb's parameters, declared as picocli reads them: single ones at indexes 0,
     * 1… (the optional ones last), then at most one that takes the rest.
     */
    private boolean positionals(List<String> values) {
        List<Argument> singles = new ArrayList<>();
        Argument rest = null;
        int required = 0;
        for (Argument parameter : verb.arguments()) {
            if (parameter.isOption()) {
                continue;
            }
            if (rest != null) {
                return false;
            }
            if (parameter.takesTheRest()) {
                if (!parameter.index().equals(singles.size() + "..*") || required < singles.size()) {
                    return false;
                }
                rest = parameter;
            } else {
                boolean optional = parameter.minimumValues() == 0;
                boolean afterOptional = required < singles.size();
                if (!parameter.index().equals(String.valueOf(singles.size())) || (!optional && afterOptional)) {
                    return false;
                }
                required += optional ? 0 : 1;
                singles.add(parameter);
            }
        }
        int restMinimum = rest == null ? 0 : rest.minimumValues();
        if (values.size() < required + restMinimum || (rest == null && values.size() > singles.size())) {
            return false;
        }
        for (int k = 0; k < singles.size() && k < values.size(); k++) {
            if (!singles.get(k).convertsWithoutPicocli() || !assign(singles.get(k), values.get(k))) {
                return false;
            }
        }
        if (rest != null && values.size() > singles.size()) {
            assignments.add(new Assignment(rest, new ArrayList<>(values.subList(singles.size(), values.size()))));
        }
        return true;
    }

    private boolean assign(Argument argument, String text) {
        try {
            assignments.add(new Assignment(argument, argument.convert(text)));
            return true;
        } catch (Exception e) {
            return false; // picocli reports the bad value
        }
    }
}
