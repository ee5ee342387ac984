package org.xenctl.cli;

import java.util.List;

import org.xenctl.render.OutputFormat;
import org.xenctl.render.View;
import org.xenctl.xlcfg.XlProblem;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the root's global options, printing a view, and printing config warnings. */
abstract class OutputCommand {
    @Spec
    CommandSpec spec;

    /** The root command, whose global options apply (also to commands nested under a group such as `config`). */
    XenctlCommand root() {
        return (XenctlCommand) spec.root().userObject();
    }

    void render(View view) {
        root().renderer().render(view, spec.commandLine().getOut());
    }

    /** Prints config warnings to stderr in text mode; JSON output carries them in the result instead. */
    void warn(List<XlProblem> warnings) {
        if (root().output() == OutputFormat.TEXT) {
            ProblemText.print(warnings, spec.commandLine().getErr());
        }
    }
}
