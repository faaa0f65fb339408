package dev.brisk.observability.internal;

import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.RequestListener;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.RequestView;
import dev.brisk.internal.model.RouteDef;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server span per request, fed by the request listener: started (with the arrival time) on the
 * thread that runs the request's chain and made current there until the chain returns, so the
 * handler sees it as {@code Span.current()}; ended when the reply goes to the connection (or after
 * a streamed body is written).
 */
final class ServerSpans implements RequestListener {
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> METHOD_ORIGINAL = AttributeKey.stringKey("http.request.method_original");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> SCHEME = AttributeKey.stringKey("url.scheme");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
    static final AttributeKey<String> PEER_ADDRESS = AttributeKey.stringKey("network.peer.address");
    static final AttributeKey<Long> PEER_PORT = AttributeKey.longKey("network.peer.port");
    static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("network.protocol.version");
    static final AttributeKey<String> USER_AGENT = AttributeKey.stringKey("user_agent.original");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    /** Keys of the per-request state on the {@link Call} (compared by identity). */
    private static final Object SPAN = new Object();
    private static final Object SCOPE = new Object();

    private static final TextMapGetter<RequestView> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(RequestView carrier) {
            return carrier.headerMap().names();
        }

        @Override
        public String get(RequestView carrier, String key) {
            return carrier == null ? null : carrier.headerValue(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    /** Wall clock and nanoTime read together once: a request's arrival nanoTime becomes an epoch time without a clock call. */
    private final long anchorEpochNanos;
    private final long anchorNanoTime;
    /** Span names of the user's routes ({@code GET /items/{id}}), made once; read without locks. */
    private final IdentityHashMap<RouteDef, String> names = new IdentityHashMap<>();

    ServerSpans(OpenTelemetry otel, String version, List<RouteDef> routes) {
        for (RouteDef r : routes) names.put(r, r.httpMethod() + " " + r.path());
        this.tracer = otel.getTracerProvider().tracerBuilder("dev.brisk").setInstrumentationVersion(version).build();
        this.propagator = otel.getPropagators().getTextMapPropagator();
        Instant now = Instant.now();
        this.anchorNanoTime = System.nanoTime();
        this.anchorEpochNanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    @Override
    public void started(Call call) {
        RequestView req = call.request();
        Context parent = propagator.extract(Context.root(), req, HEADERS);
        RouteDef route = call.route();
        String original = req.method();
        int m = HttpTags.method(original);
        String method = HttpTags.methodName(m);
        String prefix = m == HttpTags.OTHER ? "HTTP" : method;
        SpanBuilder b = tracer.spanBuilder(name(route, prefix))
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setStartTimestamp(anchorEpochNanos + (call.startNanos() - anchorNanoTime), TimeUnit.NANOSECONDS)
                .setAttribute(METHOD, method)
                .setAttribute(PATH, req.rawPath())
                .setAttribute(SCHEME, "http")
                .setAttribute(PROTOCOL_VERSION, req.protocol().endsWith("1.0") ? "1.0" : "1.1");
        if (m == HttpTags.OTHER) b.setAttribute(METHOD_ORIGINAL, original);
        if (route != null) b.setAttribute(ROUTE, route.path());
        host(b, req.headerValue(HttpHeaderNames.HOST));
        SocketAddress remote = req.connection().remoteAddress();
        if (remote instanceof InetSocketAddress a) {
            String ip = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
            b.setAttribute(CLIENT_ADDRESS, ip).setAttribute(PEER_ADDRESS, ip).setAttribute(PEER_PORT, (long) a.getPort());
        }
        String agent = req.headerValue(HttpHeaderNames.USER_AGENT);
        if (agent != null) b.setAttribute(USER_AGENT, agent);
        Span span = b.startSpan();
        call.filterState(SPAN, span);
        call.filterState(SCOPE, parent.with(span).makeCurrent());
    }

    private String name(RouteDef route, String method) {
        if (route == null) return method;
        String known = method.equals(route.httpMethod()) ? names.get(route) : null;
        return known != null ? known : method + " " + route.path();   // HEAD on a GET route, system routes
    }

    /** {@code server.address} and {@code server.port} from the Host header ({@code host}, {@code host:port}, {@code [v6]:port}). */
    private static void host(SpanBuilder b, String host) {
        if (host == null || host.isEmpty()) return;
        int colon = host.lastIndexOf(':');
        int bracket = host.lastIndexOf(']');
        if (colon > bracket && colon > 0) {
            b.setAttribute(SERVER_ADDRESS, host.substring(0, colon));
            try {
                b.setAttribute(SERVER_PORT, Long.parseLong(host.substring(colon + 1)));
            } catch (NumberFormatException ignored) {
                // a malformed port is left out
            }
        } else {
            b.setAttribute(SERVER_ADDRESS, host);
        }
    }

    @Override
    public void returned(Call call) {
        Object scope = call.filterState(SCOPE);
        if (scope != null) {
            call.filterState(SCOPE, null);
            ((Scope) scope).close();
        }
    }

    @Override
    public void completed(Call call, Reply reply) {
        Object o = call.filterState(SPAN);
        if (o == null) return;
        Span span = (Span) o;
        int status = reply.status();
        span.setAttribute(STATUS, status);
        if (status >= 500) {
            span.setAttribute(ERROR_TYPE, HttpTags.status(status));
            span.setStatus(StatusCode.ERROR);
        }
        Body body = reply.body();
        if (body instanceof Body.Chunks || body instanceof Body.File) reply.afterSend(span::end);
        else span.end();
    }
}
