package dev.brisk.observability;

import dev.brisk.Feature;
import io.opentelemetry.api.OpenTelemetry;

import java.util.Objects;

/**
 * An OpenTelemetry server span for every request, with the app's {@link OpenTelemetry} (its SDK,
 * sampler and exporter are the app's to set up).
 *
 * <pre>{@code
 * App.builder().install(Tracing.of(openTelemetry))
 * }</pre>
 *
 * <p>The span is named by the route's template ({@code GET /items/{id}}; just the method when no
 * route matched), starts when the request arrives and ends when its response is handed to the
 * connection (for a streamed body or a file, when the last byte is written). Its parent comes from
 * the request's {@code traceparent}/{@code tracestate} headers (through the propagators of the
 * {@code OpenTelemetry} instance: W3C Trace Context unless set otherwise). Attributes follow the
 * HTTP semantic conventions: {@code http.request.method}, {@code http.route}, {@code url.path},
 * {@code url.scheme}, {@code http.response.status_code}, {@code server.address}, {@code server.port},
 * {@code client.address}, {@code network.peer.port}, {@code network.protocol.version},
 * {@code user_agent.original}, and {@code error.type} with status ERROR for 5xx. The query string is
 * never recorded (it may carry credentials).
 *
 * <p>Inside a handler, {@code Span.current()} and {@code Context.current()} are the request's span,
 * on a worker as on the event loop, so outgoing calls instrumented with OpenTelemetry (or a
 * {@code propagator.inject(Context.current(), ...)}) carry it on. Callbacks of an event-loop handler's
 * futures run later, outside: capture {@code Context.current()} in the handler and {@code wrap} them.
 */
public final class Tracing implements Feature {
    private final OpenTelemetry openTelemetry;

    private Tracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    /** Traces with this OpenTelemetry instance (e.g. the SDK the app built, or {@code GlobalOpenTelemetry.get()}). */
    public static Tracing of(OpenTelemetry openTelemetry) {
        return new Tracing(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }

    /** The OpenTelemetry instance spans are made with. */
    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    @Override
    public String toString() {
        return "Tracing[" + openTelemetry + "]";
    }
}
