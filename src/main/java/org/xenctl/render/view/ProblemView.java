package org.xenctl.render.view;

import java.util.List;

import org.xenctl.xlcfg.XlProblem;

/** An error or warning about a config file, for JSON: where it is and what to do. */
public record ProblemView(String severity, String file, Integer line, Integer column, String message, String hint) {

    public static ProblemView of(XlProblem problem) {
        return new ProblemView(problem.severity().name().toLowerCase(), problem.source(),
                problem.position() == null ? null : problem.position().line(),
                problem.position() == null ? null : problem.position().column(), problem.message(), problem.hint());
    }

    public static List<ProblemView> of(List<XlProblem> problems) {
        return problems.stream().map(ProblemView::of).toList();
    }
}
