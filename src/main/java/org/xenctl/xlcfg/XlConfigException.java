package org.xenctl.xlcfg;

import java.util.List;

/** A config file that cannot be used: every error found, in file order. */
public final class XlConfigException extends RuntimeException {
    private final transient List<XlProblem> problems;

    public XlConfigException(List<XlProblem> problems) {
        super(problems.isEmpty() ? "invalid configuration" : problems.get(0).located());
        this.problems = List.copyOf(problems);
    }

    public List<XlProblem> problems() {
        return problems;
    }
}
