package dev.brisk;

import java.time.Duration;

/** A running server, returned by {@link App#start(int)}. */
public interface Server extends AutoCloseable {
    /** The bound port (useful after starting on port 0). */
    int port();

    /**
     * Stops gracefully: serves what reached the server before the stop (requests in flight, requests
     * already sent on open connections, connections waiting in the accept queue), each connection's
     * last response saying {@code Connection: close}; then stops accepting, closes idle connections,
     * closes what is left after the app's shutdown grace period, and runs the shutdown hooks. Idempotent.
     */
    @Override
    void close();

    /** Like {@link #close()} with another grace period. */
    void close(Duration grace);

    /** Blocks until the server has stopped. */
    void awaitStop() throws InterruptedException;
}
