package org.pmmlengine;

import java.util.List;

/** The document cannot be loaded; {@link #getProblems()} lists every problem found, each with its location. */
public final class InvalidMarkupException extends PmmlException {
    private static final long serialVersionUID = 1L;

    private final List<MarkupProblem> problems;

    InvalidMarkupException(String message, List<MarkupProblem> problems) {
        super(message, INVALID_MARKUP);
        this.problems = List.copyOf(problems);
    }

    public List<MarkupProblem> getProblems() {
        return problems;
    }
}
