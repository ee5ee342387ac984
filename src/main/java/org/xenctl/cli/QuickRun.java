package org.xenctl.cli;

import java.io.PrintWriter;

/**
 * A command line run without picocli, when {@link QuickParser} understands it: the verb's command, its root (the
 * global options) and the writers it prints to.
 */
record QuickRun(XenctlCommand root, PrintWriter out, PrintWriter err) {

    /** The exit status of {@code args} run this way, or null when picocli must parse them. */
    static Integer run(String[] args, Context context, PrintWriter out, PrintWriter err) {
        String word = Verbs.verbWord(args);
        Class<? extends Declared> verbClass = word == null ? null : Verbs.BY_NAME.get(word);
        if (verbClass == null || !HypervisorCommand.class.isAssignableFrom(verbClass)) {
            return null;
        }
        HypervisorCommand verb = (HypervisorCommand) Verbs.create(verbClass);
        XenctlCommand root = new XenctlCommand(context);
        if (!QuickParser.parse(root.declaration(), verb.declaration(), args)) {
            return null;
        }
        return verb.runQuickly(new QuickRun(root, out, err));
    }
}
