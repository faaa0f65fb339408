package dev.brisk.bench;

import dev.brisk.App;
import dev.brisk.Workers;
import dev.brisk.bench.cache.CacheBenchApp;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.dispatch.Dispatch;
import dev.brisk.internal.dispatch.WorkerPool;
import dev.brisk.internal.http.Body;
import dev.brisk.internal.http.ConnectionInfo;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.ReplySink;
import dev.brisk.internal.http.RequestView;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Brisk's own work for an in-memory cache hit against the uncached {@code /json}, without the HTTP
 * codec or a socket (as {@link EndpointBenchmark}): a request view handed to the dispatcher, the
 * reply released. {@code /cached/slow} is a plain (worker) route whose hit is answered on the
 * calling thread, so every operation here completes synchronously. Requests per second, one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class CacheDispatchBenchmark {
    /** Keeps the one reply a request gets (from a worker for the misses in the setup). */
    static final class Capture implements ReplySink {
        volatile CompletableFuture<Reply> next = new CompletableFuture<>();

        @Override
        public void reply(Reply res) {
            if (!next.complete(res)) throw new IllegalStateException("two replies");
        }
    }

    private Dispatch routes;
    private WorkerPool workers;
    private ConnectionInfo connection;
    private EmbeddedChannel channel;
    private final Capture capture = new Capture();
    private HttpRequest json, cachedJson, cachedSlow;

    @Setup
    public void setup() throws Exception {
        App app = App.builder().docs(false).include(new CacheBenchApp()).build();
        workers = new WorkerPool(Workers.platform(1, 1));
        routes = AppRuntime.of(app).compiled().dispatcher(workers);
        channel = new EmbeddedChannel();
        connection = new ConnectionInfo(channel.eventLoop(), channel.alloc(), null, null, java.util.Map.of());
        json = EndpointBenchmark.get("/json");
        cachedJson = EndpointBenchmark.get("/cached/json");
        cachedSlow = EndpointBenchmark.get("/cached/slow");
        for (HttpRequest r : new HttpRequest[] {cachedJson, cachedSlow}) expect(r, "Brisk; fwd=uri-miss; stored");
        expect(json, null);
        expect(cachedJson, "Brisk; hit; ttl=");
        expect(cachedSlow, "Brisk; hit; ttl=");
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
        workers.shutdown(0);
    }

    private void expect(HttpRequest head, String cacheStatus) throws Exception {
        var req = new RequestView(connection, head, Unpooled.EMPTY_BUFFER);
        routes.dispatch(req, capture);
        Reply res = capture.next.get(10, TimeUnit.SECONDS);
        capture.next = new CompletableFuture<>();
        req.release();
        try {
            CharSequence status = res.header("cache-status");
            if (res.status() != 200 || !(res.body() instanceof Body.Bytes)
                    || (cacheStatus == null ? status != null : status == null || !status.toString().startsWith(cacheStatus))) {
                throw new IllegalStateException(head.uri() + ": got " + res.status() + " " + status + ", wanted 200 " + cacheStatus);
            }
        } finally {
            res.discard();
        }
    }

    /** What the connection does around the dispatcher, minus the queue and the encoding; the reply is there at once. */
    private int request(HttpRequest head) {
        var req = new RequestView(connection, head, Unpooled.EMPTY_BUFFER);
        routes.dispatch(req, capture);
        Reply res = capture.next.getNow(null);
        capture.next = new CompletableFuture<>();
        req.release();
        int n = res.status() + (int) res.body().length();
        res.discard();
        return n;
    }

    /** {@code GET /json}, uncached: the handler's record written by Jackson. */
    @Benchmark
    public int jsonUncached() {
        return request(json);
    }

    /** {@code GET /cached/json}, a hit of an event-loop route. */
    @Benchmark
    public int jsonHit() {
        return request(cachedJson);
    }

    /** {@code GET /cached/slow}, a hit of a plain route (its handler sleeps 10 ms), answered without a worker. */
    @Benchmark
    public int slowHandlerHit() {
        return request(cachedSlow);
    }
}
