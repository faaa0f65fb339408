package dev.brisk.test.bench;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Measures in-process requests per second through the {@link TestClient}, one request after the
 * other as a test does: a GET with a path parameter and a validated POST, each after a warm-up,
 * for plain (worker pool) and future-returning (event loop) routes. It prints requests per second and
 * the latency distribution (the median is the figure least disturbed by other load on the machine).
 * Not a unit test: run it with
 * {@code mvn -q -B -pl framework-test -am -Pbench -DskipTests verify}
 * (add {@code -Dbench.seconds=5 -Dbench.warmup=5} to change the durations).
 */
public final class InProcessThroughput {
    public record Item(int id, String q) {
    }

    public record NewItem(@NotBlank String name, @Positive double price) {
    }

    public record Created(int id, String name, double price) {
    }

    /** The caller, from a header (a dependency every request of the "with a dependency" case solves). */
    public record User(String name) {
    }

    /** A provider reading a header, as an auth dependency does. */
    public static final class Auth {
        @dev.brisk.Provides
        public static User user(@dev.brisk.Header("x-user") String xUser) {
            return new User(xUser);
        }
    }

    /** A plain method with a validated body and a dependency. */
    public static final class WithDependency {
        @Post(value = "/items", status = 201)
        public Created create(@Valid NewItem item, User user) {
            return new Created(1, item.name() + " by " + user.name(), item.price());
        }
    }

    /** Plain methods: they run on the worker pool. */
    public static final class Plain {
        @Get("/items/{id}")
        public Item item(int id, Optional<String> q) {
            return new Item(id, q.orElse(null));
        }

        @Post(value = "/items", status = 201)
        public Created create(@Valid NewItem item) {
            return new Created(1, item.name(), item.price());
        }
    }

    /** Future-returning methods: they run on the event loop. */
    public static final class Futures {
        @Get("/items/{id}")
        public CompletableFuture<Item> item(int id, Optional<String> q) {
            return CompletableFuture.completedFuture(new Item(id, q.orElse(null)));
        }

        @Post(value = "/items", status = 201)
        public CompletableFuture<Created> create(@Valid NewItem item) {
            return CompletableFuture.completedFuture(new Created(1, item.name(), item.price()));
        }
    }

    private InProcessThroughput() {
    }

    public static void main(String[] args) {
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
        System.out.printf(Locale.ROOT, "Java %s, %d cores, warm-up %d s, measured %d s per case, one client, sequential requests%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), warmup.toSeconds(), measure.toSeconds());
        var newItem = new NewItem("pen", 2.5);
        for (Object routes : new Object[] {new Plain(), new Futures()}) {
            String kind = routes instanceof Plain ? "plain method " : "future method";
            try (var client = TestClient.of(App.builder().include(routes).docs(false).build())) {
                run(kind + "  GET /items/{id}", warmup, measure, i -> client.get("/items/" + (i & 1023)), 200);
                run(kind + "  POST /items (validated)", warmup, measure, i -> client.post("/items", newItem), 201);
            }
        }
        try (var client = TestClient.of(App.builder().include(new WithDependency()).include(Auth.class).docs(false).build())) {
            run("plain method   POST /items (validated, dependency)", warmup, measure,
                    i -> client.request("POST", "/items").header("x-user", "ann").json(newItem).send(), 201);
        }
    }

    private static void run(String name, Duration warmup, Duration measure, IntFunction<TestResponse> request, int status) {
        loop(warmup, request, status);
        long[] latencies = loop(measure, request, status);
        long total = 0;
        for (long l : latencies) total += l;
        Arrays.sort(latencies);
        int n = latencies.length;
        System.out.printf(Locale.ROOT, "%-40s %,8.0f req/s   latency us: mean %6.1f  p50 %6.1f  p99 %7.1f   (%,d requests)%n",
                name, n / (total / 1e9), total / 1e3 / n, latencies[n / 2] / 1e3, latencies[(int) (n * 0.99)] / 1e3, n);
    }

    /** Sends requests one after the other until {@code duration} has passed; returns each one's latency in nanos. */
    private static long[] loop(Duration duration, IntFunction<TestResponse> request, int status) {
        long end = System.nanoTime() + duration.toNanos();
        long[] latencies = new long[1 << 16];
        int count = 0;
        long now = System.nanoTime();
        while (now < end) {
            var r = request.apply(count);
            long done = System.nanoTime();
            if (r.status() != status) throw new AssertionError("unexpected response\n" + r);
            if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
            latencies[count++] = done - now;
            now = done;
        }
        return Arrays.copyOf(latencies, count);
    }
}
