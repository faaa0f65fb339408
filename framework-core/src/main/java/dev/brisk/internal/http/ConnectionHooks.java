package dev.brisk.internal.http;

/**
 * What an observer of one connection (the TestClient) learns of the requests on it: exceptions
 * answered with 500 and the background work that follows a response. Called from any thread.
 */
public interface ConnectionHooks {
    /** An exception was answered with 500. */
    default void serverError(Throwable t) {
    }

    /** Work (background tasks, cleanups) will run after a response on this connection; before the response is written. */
    default void afterResponseScheduled() {
    }

    /** That work is done; {@code failure} is the first task failure, or null. */
    default void afterResponseDone(Throwable failure) {
    }
}
