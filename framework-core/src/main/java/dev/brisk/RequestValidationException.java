package dev.brisk;

import java.util.List;

/**
 * Thrown for a request whose parameters could not be read or did not validate; by default answered
 * with 422 and {@code {"detail": [errors...]}}. Register an
 * {@link App.Builder#exceptionHandler exception handler} for this type to reshape the answer.
 */
public class RequestValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ValidationError> errors;

    /** A failure carrying every problem found in the request. */
    public RequestValidationException(List<ValidationError> errors) {
        super(null, null, false, false);
        this.errors = List.copyOf(errors);
    }

    @Override
    public String getMessage() {
        return errors.size() + " validation error(s): " + errors;
    }

    /** All problems of the request, in the order FastAPI reports them. */
    public List<ValidationError> errors() {
        return errors;
    }
}
