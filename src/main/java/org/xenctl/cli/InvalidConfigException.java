package org.xenctl.cli;

import java.util.List;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.xlcfg.XlProblem;

/** An xl.cfg file that cannot be used: every problem found (errors and the warnings beside them), in file order. */
final class InvalidConfigException extends XenctlException {
    private final transient List<XlProblem> problems;

    InvalidConfigException(List<XlProblem> problems) {
        super(ErrorCode.INVALID_CONFIG, summary(problems), null);
        this.problems = List.copyOf(problems);
    }

    List<XlProblem> problems() {
        return problems;
    }

    private static String summary(List<XlProblem> problems) {
        long errors = problems.stream().filter(XlProblem::isError).count();
        XlProblem first = problems.stream().filter(XlProblem::isError).findFirst().orElseThrow();
        return errors == 1 ? first.located() : first.located() + " (and " + (errors - 1) + " more errors)";
    }
}
