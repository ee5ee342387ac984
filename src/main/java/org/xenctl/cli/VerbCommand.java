package org.xenctl.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A verb's command object, one per command line: its row of the verb table ({@link Verb}: name, help, how it
 * connects) and the options and parameters it declares, bound to its fields.
 */
abstract class VerbCommand implements Declared {
    private Verb verb;
    private CommandSpec spec;
    private boolean dryRun;
    /** The DOMAIN argument, as typed: over several hosts, the verb runs on the one that has it. */
    private String namedDomain;
    /** Short names this verb takes from the root's inherited options: "-c" to "--cap" (see {@link #underRoot}). */
    private final Map<String, String> shortNamesTaken = new LinkedHashMap<>();

    /** Set once, by {@link Verb#create}. */
    final void describedBy(Verb row) {
        this.verb = row;
    }

    final Verb verb() {
        return verb;
    }

    /** Whether -n/--dry-run was given (declared for the verbs whose row says they take it). */
    final boolean dryRun() {
        return dryRun;
    }

    final void dryRun(boolean asked) {
        dryRun = asked;
    }

    final String namedDomain() {
        return namedDomain;
    }

    final void namedDomain(String domain) {
        namedDomain = domain;
    }

    /** Records that the option {@code longName} is also {@code shortName}, which a global option has already. */
    final void takeShortName(String shortName, String longName) {
        shortNamesTaken.put(shortName, longName);
    }

    /**
     * Once the verb is under the root (which gave it the global options): the short names it takes over, where xl's
     * own verb uses a letter that is global here (sched-credit's -c CAP beside -c URI). The global option keeps its
     * long name on this verb (--connect) and its short one before the verb.
     */
    final void underRoot() {
        shortNamesTaken.forEach((shortName, longName) -> Declaration.takeShortName(spec(), shortName, longName));
    }

    /** Adds this verb's options and parameters (its name and help come from its row). */
    abstract void declare(Declaration declaration);

    @Override
    public final CommandSpec spec() {
        if (spec == null) {
            Declaration declaration = Declaration.of(this, verb);
            declare(declaration);
            spec = declaration.spec();
        }
        return spec;
    }
}
