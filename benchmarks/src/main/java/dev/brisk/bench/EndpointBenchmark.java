package dev.brisk.bench;

import dev.brisk.App;
import dev.brisk.internal.AppRuntime;
import dev.brisk.internal.dispatch.Endpoint;
import dev.brisk.internal.dispatch.Responder;
import dev.brisk.internal.dispatch.RouteCompiler;
import dev.brisk.internal.dispatch.Sink;
import dev.brisk.internal.http.Exchange;
import dev.brisk.internal.routing.RouteTable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One request through Brisk's own part of the path, without the HTTP codec: a new {@link Exchange}
 * over an already decoded request head (and body buffer), route lookup as the connection does it,
 * {@link Endpoint#run} (binding, validation, invoke, JSON into a pooled buffer), then
 * {@link Responder#finish} (length, date) and release, as the connection's writer would. The routes
 * are the bench example's, all event-loop routes, so each operation completes synchronously on the
 * benchmark thread. The score is requests per second on one thread; {@code postValid / json} is
 * the "post-valid vs json" ratio of issue 3 for Brisk's share of the work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1) // Hibernate Validator and Jackson paths need longer to reach C2 on 2 cores
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class EndpointBenchmark {

    /** Keeps the one response an event-loop route sends synchronously. */
    static final class Capture implements Sink {
        FullHttpResponse response;

        @Override
        public void send(Exchange ex, FullHttpResponse res) {
            if (response != null) throw new IllegalStateException("two responses for " + ex);
            response = res;
        }
    }

    private App app;
    private RouteCompiler routes;
    private EmbeddedChannel channel;
    private final Capture capture = new Capture();
    private HttpRequest plaintext, json, item, search, post, postBad;
    private ByteBuf validBody, invalidBody;

    @Setup
    public void setup() {
        app = BenchRoutes.app();
        routes = AppRuntime.of(app).compiled();
        channel = new EmbeddedChannel();
        plaintext = get("/plaintext");
        json = get("/json");
        item = get("/items/42?q=hello");
        search = get("/search?skip=0&limit=10&q=widget");
        validBody = body("{\"name\":\"Widget\",\"price\":9.99}");
        invalidBody = body("{\"name\":\"\",\"price\":-1}");
        post = post("/items", validBody.readableBytes());
        postBad = post("/items", invalidBody.readableBytes());
        expect(sendPlaintext(), 200, "Hello, World!");
        expect(sendJson(), 200, "{\"message\":\"Hello, World!\"}");
        expect(sendItemQuery(), 200, "{\"id\":42,\"q\":\"hello\"}");
        expect(request(search, Unpooled.EMPTY_BUFFER), 200, "{\"id\":10,\"q\":\"widget\"}");
        expect(sendPostValid(), 201, "{\"id\":1,\"name\":\"Widget\",\"price\":9.99}");
        expect(sendPostInvalid(), 422, null);
    }

    @TearDown
    public void tearDown() {
        validBody.release();
        invalidBody.release();
        channel.finishAndReleaseAll();
    }

    private static HttpRequest get(String uri) {
        var req = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        req.headers().set(HttpHeaderNames.HOST, "localhost");
        return req;
    }

    private static HttpRequest post(String uri, int length) {
        var req = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, uri);
        req.headers().set(HttpHeaderNames.HOST, "localhost")
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .set(HttpHeaderNames.CONTENT_LENGTH, length);
        return req;
    }

    private static ByteBuf body(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return Unpooled.directBuffer(b.length).writeBytes(b);
    }

    private void expect(FullHttpResponse res, int status, String body) {
        try {
            String text = res.content().toString(StandardCharsets.UTF_8);
            if (res.status().code() != status || body != null && !body.equals(text)) {
                throw new IllegalStateException("got " + res.status() + " " + text + ", wanted " + status + " " + body);
            }
        } finally {
            res.release();
        }
    }

    /** What HttpConnection.dispatch + complete + drain do around the endpoint, minus the queue. */
    private FullHttpResponse request(HttpRequest head, ByteBuf content) {
        var ex = new Exchange(channel, head, content, 0, true);
        RouteTable.Lookup<Endpoint> found = routes.lookup(head.method().name(), ex.rawPath());
        Endpoint ep = found.endpoint();
        ex.endpoint = ep;
        ex.pathNames = ep.pathNames;
        ex.pathValues = found.values();
        ep.run(ex, capture);
        FullHttpResponse res = capture.response;
        capture.response = null;
        ex.release();
        Responder.finish(res, true, false);
        return res;
    }

    private static int done(FullHttpResponse res) {
        int n = res.status().code() + res.content().readableBytes();
        res.release();
        return n;
    }

    @Benchmark
    public int plaintext() {
        return done(sendPlaintext());
    }

    /** {@code GET /json}: the baseline of the ratio. */
    @Benchmark
    public int json() {
        return done(sendJson());
    }

    /** {@code GET /items/42?q=hello}: int path parameter, Optional query parameter. */
    @Benchmark
    public int itemQuery() {
        return done(sendItemQuery());
    }

    /** {@code GET /search?skip=0&limit=10&q=widget}: three query parameters with constraints (method validation). */
    @Benchmark
    public int constrainedQuery() {
        return done(request(search, Unpooled.EMPTY_BUFFER));
    }

    /** {@code POST /items} with a valid body: JSON binding + Bean Validation, 201. */
    @Benchmark
    public int postValid() {
        return done(sendPostValid());
    }

    /** {@code POST /items} breaking both constraints: the 422 path (errors sorted, encoded). */
    @Benchmark
    public int postInvalid() {
        return done(sendPostInvalid());
    }

    FullHttpResponse sendPlaintext() {
        return request(plaintext, Unpooled.EMPTY_BUFFER);
    }

    FullHttpResponse sendJson() {
        return request(json, Unpooled.EMPTY_BUFFER);
    }

    FullHttpResponse sendItemQuery() {
        return request(item, Unpooled.EMPTY_BUFFER);
    }

    FullHttpResponse sendPostValid() {
        return request(post, validBody.retainedDuplicate());
    }

    FullHttpResponse sendPostInvalid() {
        return request(postBad, invalidBody.retainedDuplicate());
    }
}
