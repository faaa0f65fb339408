package dev.brisk;

import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.middleware.RequestIdFilter;

import java.util.Optional;

/**
 * Gives every request an id, {@code X-Request-ID}, to tie together the log lines of one request
 * across services: the id the client (or a proxy) sent when it is valid, else a new random one. The
 * id is on every response, 404s and 500s included, and handlers read it with {@link #of(Request)}
 * (or as the request's {@code X-Request-ID} header).
 *
 * <pre>{@code
 * App.builder().middleware(RequestId.create())
 * }</pre>
 *
 * <p>A valid id has 1 to 128 characters from {@code A-Z a-z 0-9 - _ . : + / =} and comes in one
 * header line; anything else is replaced, so an id never breaks a log line. New ids look like UUIDs
 * (random, version 4). They correlate, they do not authenticate: never use one as a secret.
 * Register it first (outermost) so that answers of other middleware carry the id too.
 */
public final class RequestId implements Middleware {
    /** The header name, {@value}. */
    public static final String HEADER = "X-Request-ID";

    private final boolean keepIncoming;

    private RequestId(boolean keepIncoming) {
        this.keepIncoming = keepIncoming;
    }

    /** Request ids that keep a valid incoming id. */
    public static RequestId create() {
        return new RequestId(true);
    }

    /**
     * Whether a valid id sent by the client is kept (default) or always replaced by a new one (when
     * clients are not trusted to choose ids, e.g. no proxy in front sets them).
     */
    public RequestId keepIncoming(boolean keep) {
        return new RequestId(keep);
    }

    /**
     * The id of this request, as set by the middleware; empty when the request has none (the
     * middleware does not run for it) or its header is not a valid id.
     */
    public static Optional<String> of(Request request) {
        return request.header(HEADER).filter(RequestIdFilter::valid);
    }

    /** The filter that does the work in Brisk's chain. */
    Filter filter() {
        return new RequestIdFilter(keepIncoming);
    }

    /** Runs only inside Brisk's middleware chain (as a filter); see {@link App.Builder#middleware}. */
    @Override
    public java.util.concurrent.CompletionStage<Response> handle(Request request, Next next) {
        throw Builtins.notCallable(this);
    }

    @Override
    public String toString() {
        return "RequestId[keepIncoming=" + keepIncoming + "]";
    }
}
