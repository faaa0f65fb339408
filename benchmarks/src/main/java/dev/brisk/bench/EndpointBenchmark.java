package dev.brisk.bench;

import dev.brisk.App;
import dev.brisk.Workers;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.dispatch.Dispatch;
import dev.brisk.internal.dispatch.WorkerPool;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.ConnectionInfo;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.http.RequestView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
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
 * One request through Brisk's own part of the path, without the HTTP codec: a new {@link RequestView}
 * over an already decoded request head (and body buffer), handed to the {@link Dispatch} as the
 * connection does it (route lookup, chain, binding, validation, invoke, JSON into a pooled buffer),
 * then the {@link Reply} is released, as the connection's writer would after encoding it. The routes
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

    /** Keeps the one reply an event-loop route sends synchronously. */
    static final class Capture implements ReplySink {
        Reply response;

        @Override
        public void reply(Reply res) {
            if (response != null) throw new IllegalStateException("two replies");
            response = res;
        }
    }

    private App app;
    private Dispatch routes;
    private WorkerPool workers;
    private ConnectionInfo connection;
    private EmbeddedChannel channel;
    private final Capture capture = new Capture();
    private HttpRequest plaintext, json, item, search, post, postBad;
    private ByteBuf validBody, invalidBody;

    @Setup
    public void setup() {
        app = BenchRoutes.app();
        workers = new WorkerPool(Workers.platform(1, 1));
        routes = AppRuntime.of(app).compiled().dispatcher(workers);
        channel = new EmbeddedChannel();
        connection = new ConnectionInfo(channel.eventLoop(), channel.alloc(), null, null, java.util.Map.of());
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
        workers.shutdown(0);
    }

    /** A GET head for {@code uri} with a Host header, as a client sends it. */
    static HttpRequest get(String uri) {
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

    private void expect(Reply res, int status, String body) {
        try {
            String text = res.body() instanceof Body.Bytes b ? b.content().toString(StandardCharsets.UTF_8) : "";
            if (res.status() != status || body != null && !body.equals(text)) {
                throw new IllegalStateException("got " + res.status() + " " + text + ", wanted " + status + " " + body);
            }
        } finally {
            res.discard();
        }
    }

    /** What HttpConnection does around the dispatcher for a complete request, minus the queue and the encoding. */
    private Reply request(HttpRequest head, ByteBuf content) {
        var req = new RequestView(connection, head, content);
        routes.dispatch(req, capture);
        Reply res = capture.response;
        capture.response = null;
        req.release();
        return res;
    }

    private static int done(Reply res) {
        int n = res.status() + (int) res.body().length();
        res.discard();
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

    Reply sendPlaintext() {
        return request(plaintext, Unpooled.EMPTY_BUFFER);
    }

    Reply sendJson() {
        return request(json, Unpooled.EMPTY_BUFFER);
    }

    Reply sendItemQuery() {
        return request(item, Unpooled.EMPTY_BUFFER);
    }

    Reply sendPostValid() {
        return request(post, validBody.retainedDuplicate());
    }

    Reply sendPostInvalid() {
        return request(postBad, invalidBody.retainedDuplicate());
    }
}
