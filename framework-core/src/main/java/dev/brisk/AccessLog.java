package dev.brisk;

import dev.brisk.internal.dispatch.Filter;
import dev.brisk.internal.middleware.AccessLogFilter;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * One log line per request, at INFO through SLF4J to the logger {@code dev.brisk.access}, written
 * when the response has been sent. Off unless registered:
 *
 * <pre>{@code
 * App.builder().middleware(AccessLog.create(), RequestId.create())
 * }</pre>
 *
 * <p>The line is logfmt, e.g.
 * {@code method=GET path=/items/{id} status=200 bytes=123 duration_ms=0.412 request_id=5b0c...}:
 * {@code path} is the matched route's template (the raw path, without query, when none matched);
 * {@code bytes} the body as sent (0 for HEAD; for a streamed body the bytes streamed, with
 * {@code complete=false} if the stream was cut); {@code duration_ms} from when this middleware saw
 * the request to the end of the write; {@code request_id} the response's {@code X-Request-ID} (see
 * {@link RequestId}). Never logged: query strings, headers, cookies, bodies, so no credentials or API
 * keys. Register it first (outermost), so that it logs what is sent and sees every answer; turn it
 * off or route it with the logging backend's configuration for {@code dev.brisk.access} (an
 * asynchronous appender keeps the write off the event loop).
 */
public final class AccessLog implements Middleware {
    private final String logger;

    private AccessLog(String logger) {
        this.logger = logger;
    }

    /** The access log to the logger {@code dev.brisk.access}. */
    public static AccessLog create() {
        return new AccessLog("dev.brisk.access");
    }

    /** The same lines to another logger. */
    public AccessLog logger(String name) {
        return new AccessLog(Objects.requireNonNull(name, "name"));
    }

    /** The filter that does the work in Brisk's chain. */
    Filter filter() {
        return new AccessLogFilter(LoggerFactory.getLogger(logger));
    }

    /** Runs only inside Brisk's middleware chain (as a filter); see {@link App.Builder#middleware}. */
    @Override
    public java.util.concurrent.CompletionStage<Response> handle(Request request, Next next) {
        throw Builtins.notCallable(this);
    }

    @Override
    public String toString() {
        return "AccessLog[" + logger + "]";
    }
}
