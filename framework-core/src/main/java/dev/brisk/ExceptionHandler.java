package dev.brisk;

/**
 * Turns an exception of type {@code T} thrown while handling a request into a response.
 *
 * @param <T> the exception type handled
 */
@FunctionalInterface
public interface ExceptionHandler<T extends Throwable> {
    /** Builds the response for {@code exception} raised while serving {@code request}. */
    Response handle(T exception, Request request) throws Exception;
}
