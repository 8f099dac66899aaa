package app.covenant.shared.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, answered as {@code application/problem+json} with its status.
 * Modules throw the subclasses; the platform turns them into responses.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String detail) {
        this(status, detail, List.of(), Map.of());
    }

    public ProblemException(int status, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** One entry of {@code errors[]}. */
    public record FieldError(String field, String message) {
    }

    /** {@code 404}: unknown, or not visible to the caller (never reveal which). */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, what + " was not found.");
    }

    /** {@code 409}: the record is not in a state that allows this. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }

    /** {@code 403}: the caller is known but may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, detail);
    }

    /** {@code 400} with one field named. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "The request has invalid fields.", List.of(new FieldError(field, message)),
                Map.of());
    }

    /** {@code 400} with several fields named. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "The request has invalid fields.", errors, Map.of());
    }
}
