package org.pmmlengine;

import java.util.ArrayList;
import java.util.List;

/**
 * Every failure the engine reports: {@link InvalidMarkupException} when a document cannot be loaded,
 * {@link EvaluationException} when a record cannot be scored, this class itself for misuse (a closed evaluator, a
 * batch whose shape does not match the model) and for faults inside the engine.
 */
public class PmmlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    // The managed side's statuses (interop/dotnet/PmmlEngine.Interop/Status.cs).
    static final int INVALID_MARKUP = -1, EVALUATION = -2, INVALID_HANDLE = -3, INVALID_ARGUMENT = -4, INTERNAL = -5;

    private final int status;

    public PmmlException(String message) {
        this(message, INTERNAL);
    }

    PmmlException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** True when the evaluator or scorer was used after it was closed. */
    public boolean isClosedHandle() {
        return status == INVALID_HANDLE;
    }

    /**
     * Builds the exception for a status and the engine's detail text: message, field, then locations (line, column,
     * element path, message), separated as HostError.cs writes them. Called by the JNI shim, which throws the result.
     */
    static PmmlException fromEngine(int status, String detail) {
        String[] parts = detail.split("\u001F", -1);
        String message = parts[0];
        String field = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
        List<MarkupProblem> locations = new ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
            String[] location = parts[i].split("\u001E", 4);
            if (location.length == 4)
                locations.add(new MarkupProblem(Integer.parseInt(location[0]), Integer.parseInt(location[1]), location[2], location[3]));
        }
        return switch (status) {
            case INVALID_MARKUP -> new InvalidMarkupException(message, locations);
            case EVALUATION -> new EvaluationException(message, field, locations.isEmpty() ? null : locations.get(0));
            case INVALID_HANDLE, INVALID_ARGUMENT -> new PmmlException(message, status);
            default -> new PmmlException("internal engine error: " + message, status);
        };
    }
}
