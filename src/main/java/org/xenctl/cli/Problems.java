package org.xenctl.cli;

import java.io.PrintWriter;
import java.util.List;

import org.xenctl.render.view.ProblemView;
import org.xenctl.xlcfg.XlProblem;
import org.xenctl.render.Printable;

/**
 * Config problems as xenctl shows them: as text on stderr, one per line in the compilers' "file:line:column: message"
 * form, or as the records of JSON output.
 */
final class Problems {
    private Problems() {
    }

    static List<ProblemView> views(List<XlProblem> problems) {
        return problems.stream().map(Problems::view).toList();
    }

    private static ProblemView view(XlProblem problem) {
        return new ProblemView(problem.severity().name().toLowerCase(java.util.Locale.ROOT), problem.source(),
                problem.position() == null ? null : problem.position().line(),
                problem.position() == null ? null : problem.position().column(), problem.message(), problem.hint());
    }

    static void print(List<XlProblem> problems, PrintWriter err) {
        for (XlProblem problem : problems) {
            err.println("xenctl: " + (problem.isError() ? "error: " : "warning: ") + Printable.of(problem.located()));
            if (problem.hint() != null) {
                err.println("xenctl: hint: " + Printable.of(problem.hint()));
            }
        }
        err.flush();
    }
}
