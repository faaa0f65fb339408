package dev.brisk.bench.cache;

import dev.brisk.App;
import dev.brisk.Async;
import dev.brisk.Get;
import dev.brisk.cache.Cache;
import dev.brisk.cache.Cached;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server of {@code benchmarks/side-by-side/cache}: the same answers uncached and cached, so a
 * hit can be compared with the uncached {@code /json} and with a 10 ms handler.
 *
 * <pre>
 * java -cp benchmarks/target/brisk-benchmarks.jar dev.brisk.bench.cache.CacheBenchApp --port 8000 [--cache redis://127.0.0.1:6379]
 * </pre>
 */
public final class CacheBenchApp {
    /** {@code {"message": ...}}, as the side-by-side /json. */
    public record Message(String message) {
    }

    /** The 10 ms handler's answer. */
    public record Result(String result) {
    }

    private static final Message HELLO = new Message("Hello, World!");
    private final Map<String, AtomicInteger> stampedes = new ConcurrentHashMap<>();

    @Get("/json")
    public CompletableFuture<Message> json() {
        return CompletableFuture.completedFuture(HELLO);
    }

    @Get("/cached/json")
    @Cached(ttl = "1h", namespace = "bench")
    public CompletableFuture<Message> cachedJson() {
        return CompletableFuture.completedFuture(HELLO);
    }

    @Get("/slow")
    public Result slow() throws InterruptedException {
        Thread.sleep(10);
        return new Result("slow");
    }

    @Get("/cached/slow")
    @Cached(ttl = "1h", namespace = "bench")
    public Result cachedSlow() throws InterruptedException {
        Thread.sleep(10);
        return new Result("slow");
    }

    /** A miss that takes 200 ms: concurrent requests for one key arrive while it runs. */
    @Get("/stampede/{key}")
    @Cached(ttl = "1h", namespace = "stampede")
    public CompletableFuture<Result> stampede(String key) {
        stampedes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        return Async.sleep(Duration.ofMillis(200)).thenApply(v -> new Result(key));
    }

    /** How many times the handler of {@code /stampede/{key}} ran. */
    @Get("/stampede-count/{key}")
    public int stampedeCount(String key) {
        var n = stampedes.get(key);
        return n == null ? 0 : n.get();
    }

    public static void main(String[] args) {
        int port = 8000;
        Cache cache = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) port = Integer.parseInt(args[++i]);
            else if (args[i].equals("--cache") && i + 1 < args.length) cache = Cache.redis(args[++i]);
            else throw new IllegalArgumentException("usage: CacheBenchApp [--port N] [--cache redis://host:port]");
        }
        var b = App.builder().title("cache bench").docs(false).include(new CacheBenchApp());
        if (cache != null) b.provide(Cache.class, cache);
        b.build().run("127.0.0.1", port);
    }
}
