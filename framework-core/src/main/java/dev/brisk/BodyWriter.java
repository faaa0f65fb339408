package dev.brisk;

import java.io.OutputStream;

/**
 * Writes a streamed response body, for {@link Response#stream(String, BodyWriter)}. It runs on a
 * worker thread; each {@code write} waits while the client is slow to read (so the server never
 * holds the whole body), and fails with an {@code IOException} once the client has gone away.
 * The body ends when the method returns; an exception aborts the connection (the client never
 * takes a half body for a whole one).
 */
@FunctionalInterface
public interface BodyWriter {
    /** Writes the body to {@code out} (do not close it; flushing sends what was written so far at once). */
    void writeTo(OutputStream out) throws Exception;
}
