package org.xenctl.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A verb's command object, one per command line: its row of the verb table ({@link Verb}: name, help, how it
 * connects) and the options and parameters it declares, bound to its fields.
 */
abstract class VerbCommand implements Declared {
    private Verb verb;
    private CommandSpec spec;
    private boolean dryRun;

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
