package org.xenctl.cli;

import java.io.PrintWriter;
import java.util.List;

import org.xenctl.xlcfg.XlProblem;

/** Config problems as text on stderr, one per line in the compilers' "file:line:column: message" form. */
final class ProblemText {
    private ProblemText() {
    }

    static void print(List<XlProblem> problems, PrintWriter err) {
        for (XlProblem problem : problems) {
            err.println("xenctl: " + (problem.isError() ? "error: " : "warning: ") + problem.located());
            if (problem.hint() != null) {
                err.println("xenctl: hint: " + problem.hint());
            }
        }
        err.flush();
    }
}
