package dev.brisk;

/**
 * A route registered programmatically with {@link App.Builder#route}; it runs on the worker pool and
 * its result is encoded like an annotated method's.
 */
@FunctionalInterface
public interface RouteHandler {
    /** Handles one request and returns the result to send. */
    Object handle(Request request) throws Exception;
}
