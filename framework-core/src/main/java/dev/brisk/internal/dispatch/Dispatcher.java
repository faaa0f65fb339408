package dev.brisk.internal.dispatch;

import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.http.RequestView;

/**
 * What the transport sees of the app: it hands over each complete request, or one it refuses, and
 * receives exactly one {@link dev.brisk.internal.http.Reply} per request through the sink, from
 * any thread. Everything between (routing, threads, middleware, binding, errors) is behind this.
 */
public interface Dispatcher {
    /** Routes and runs a request; called on the connection's event loop. */
    void dispatch(RequestView request, ReplySink sink);

    /**
     * Answers a request the transport will not process (413 body too large, 417, 408 ...) with
     * {@code {"detail": detail}}, through the app's middleware (so, e.g., CORS headers are on it too).
     * Called on the event loop.
     */
    void refuse(RequestView request, int status, String detail, ReplySink sink);

    /**
     * Asked at head time for a request with a body: a consumer that takes the body as it arrives
     * (multipart uploads to a form route), or null to aggregate it as usual. Called on the event loop.
     *
     * @throws dev.brisk.internal.http.BodyRejected to refuse the request at once (400, 413)
     */
    default dev.brisk.internal.http.StreamedBody streamedBody(dev.brisk.internal.http.ConnectionInfo connection,
                                                              io.netty.handler.codec.http.HttpRequest head) {
        return null;
    }
}
