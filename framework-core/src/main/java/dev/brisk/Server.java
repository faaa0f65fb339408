package dev.brisk;

import java.time.Duration;

/** A running server, returned by {@link App#start(int)}. */
public interface Server extends AutoCloseable {
    /** The bound port (useful after starting on port 0). */
    int port();

    /**
     * Stops gracefully: stops accepting, lets in-flight requests finish (their responses carry
     * {@code Connection: close}), answers new requests on open connections with 503, closes what is
     * left after the app's shutdown grace period, then runs the shutdown hooks. Idempotent.
     */
    @Override
    void close();

    /** Like {@link #close()} with another grace period. */
    void close(Duration grace);

    /** Blocks until the server has stopped. */
    void awaitStop() throws InterruptedException;
}
