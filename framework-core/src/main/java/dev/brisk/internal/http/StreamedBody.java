package dev.brisk.internal.http;

import io.netty.buffer.ByteBuf;

import java.util.concurrent.CompletionStage;

/**
 * A request body consumed as it arrives instead of being aggregated (multipart uploads). The
 * dispatcher offers one at head time for the routes that want it; the transport then hands it each
 * piece, stops reading while it asks to (back-pressure), enforces {@link #maxLength()}, and
 * dispatches the request (with this body attached to its {@link RequestView}) once {@link #end()}
 * has completed. Every method is called on the connection's event loop and must not block.
 */
public interface StreamedBody {
    /** The largest body accepted; more is refused with 413 (checked against Content-Length at once). */
    long maxLength();

    /**
     * Takes a piece of the body (now owned by the callee). Returns null to go on reading, or a stage:
     * reading pauses until it completes (exceptionally with {@link BodyRejected} to refuse the request).
     *
     * @throws BodyRejected when the body breaks a limit (413) or is malformed (400)
     */
    CompletionStage<?> data(ByteBuf piece);

    /**
     * The whole body has arrived; the stage completes once it is consumed (e.g. spooled to disk), or
     * exceptionally with {@link BodyRejected}.
     */
    CompletionStage<?> end();

    /** The body will not be dispatched (refused, timed out, the client left): release everything. Idempotent. */
    void abort();
}
