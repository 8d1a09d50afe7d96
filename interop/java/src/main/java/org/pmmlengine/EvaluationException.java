package org.pmmlengine;

import java.util.Optional;

/**
 * A record could not be scored: an invalid value where the model says returnInvalid, a value that is not of the
 * field's type, a function outside its domain. Names the field and, when known, the place in the document.
 */
public final class EvaluationException extends PmmlException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final MarkupProblem location;

    EvaluationException(String message, String field, MarkupProblem location) {
        super(message, EVALUATION);
        this.field = field;
        this.location = location;
    }

    /** The input or derived field whose value caused the failure, when there is one. */
    public Optional<String> getField() {
        return Optional.ofNullable(field);
    }

    /** The element of the document where scoring failed, when known. */
    public Optional<MarkupProblem> getLocation() {
        return Optional.ofNullable(location);
    }
}
