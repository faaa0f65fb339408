package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Provides;
import dev.brisk.Response;
import dev.brisk.Router;
import dev.brisk.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent misses for one key run the handler once; the others wait without holding the event
 * loop and get its answer; a failure is not cached and reaches every waiter.
 */
class SingleFlightTest {
    static final int N = 120;

    /** Counts requests that got as far as the dependencies (just before the cache looks). */
    public record Arrival(int n) {
    }

    public static final class Arrivals {
        static final AtomicInteger COUNT = new AtomicInteger();

        @Provides
        public static Arrival arrival() {
            return new Arrival(COUNT.incrementAndGet());
        }
    }

    @Router(prefix = "/sf")
    public static final class Routes {
        final AtomicInteger calls = new AtomicInteger();
        volatile CompletableFuture<String> gate = new CompletableFuture<>();
        final CountDownLatch release = new CountDownLatch(1);

        @Get("/loop")
        @Cached(ttl = "60s")
        public CompletableFuture<String> onLoop(@Depends Arrival a) {
            calls.incrementAndGet();
            return gate;
        }

        @Get("/worker")
        @Cached(ttl = "60s")
        public String onWorker(@Depends Arrival a) throws InterruptedException {
            calls.incrementAndGet();
            if (!release.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
            return "computed once";
        }

        @Get("/private")
        @Cached(ttl = "60s")
        public CompletableFuture<Response> privately(@Depends Arrival a) {
            int n = calls.incrementAndGet();
            return gate.thenApply(s -> Response.text(s + " " + n).cookie("session", "s" + n));
        }

        @Get("/slow")
        @Cached(ttl = "60s", waitTimeout = "300ms")
        public CompletableFuture<String> slow(@Depends Arrival a) {
            return calls.incrementAndGet() == 1 ? gate : CompletableFuture.completedFuture("did not wait");
        }
    }

    private final Routes routes = new Routes();
    private final App app = App.builder().include(routes).include(Arrivals.class).build();
    private final Server server = app.start("127.0.0.1", 0);

    @AfterEach
    void stop() {
        routes.gate.complete("done");
        routes.release.countDown();
        server.close();
    }

    private void arrived(int n) {
        Concurrent.await(() -> Arrivals.COUNT.get() >= n, n + " requests arrived");
        try {
            Thread.sleep(100);   // the last ones pass from their dependency to the cache
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void concurrentMissesOfAnEventLoopRouteRunTheHandlerOnce() {
        Arrivals.COUNT.set(0);
        var futures = Concurrent.send(server.port(), "/sf/loop", N);
        arrived(N);
        assertThat(routes.calls).hasValue(1);
        routes.gate.complete("the answer");
        var all = Concurrent.all(futures);
        assertThat(all).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("the answer");
        });
        assertThat(all.stream().map(r -> r.headers().firstValue("Cache-Status").orElse("")))
                .containsOnlyOnce("Brisk; fwd=uri-miss; stored")
                .contains("Brisk; fwd=uri-miss; collapsed");
        assertThat(all.stream().map(r -> r.headers().firstValue("ETag").orElseThrow()).distinct()).hasSize(1);
        assertThat(routes.calls).hasValue(1);
    }

    @Test
    void concurrentMissesOfAWorkerRouteRunTheHandlerOnce() {
        Arrivals.COUNT.set(0);
        var futures = Concurrent.send(server.port(), "/sf/worker", N);
        Concurrent.await(() -> routes.calls.get() >= 1, "the first request runs the handler");
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        routes.release.countDown();
        var all = Concurrent.all(futures);
        assertThat(all).allSatisfy(r -> assertThat(r.body()).isEqualTo("computed once"));
        assertThat(routes.calls).hasValue(1);
    }

    @Test
    void aFailureIsNotCachedAndReachesEveryWaiter() {
        Arrivals.COUNT.set(0);
        var futures = Concurrent.send(server.port(), "/sf/loop", N);
        arrived(N);
        routes.gate.completeExceptionally(new IllegalStateException("the database is down"));
        var all = Concurrent.all(futures);
        assertThat(all).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).isEqualTo("{\"detail\":\"Internal Server Error\"}");
        });
        assertThat(routes.calls).hasValue(1);
        routes.gate = CompletableFuture.completedFuture("recovered");
        var next = Concurrent.all(Concurrent.send(server.port(), "/sf/loop", 1)).get(0);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("recovered");
        assertThat(routes.calls).hasValue(2);
    }

    @Test
    void aResponseForOneRequestAloneIsNotHandedToTheWaiters() {
        Arrivals.COUNT.set(0);
        int n = 20;
        var futures = Concurrent.send(server.port(), "/sf/private", n);
        arrived(n);
        routes.gate.complete("mine");
        var all = Concurrent.all(futures);
        // each request ran the handler and got its own cookie
        assertThat(all.stream().map(r -> r.headers().firstValue("Set-Cookie").orElseThrow()).distinct()).hasSize(n);
        assertThat(routes.calls).hasValue(n);
    }

    @Test
    void waitersStopWaitingAfterTheWaitTimeoutAndComputeThemselves() {
        Arrivals.COUNT.set(0);
        var first = Concurrent.send(server.port(), "/sf/slow", 1);
        arrived(1);
        HttpResponse<String> second = Concurrent.all(Concurrent.send(server.port(), "/sf/slow", 1)).get(0);
        assertThat(second.body()).isEqualTo("did not wait");
        assertThat(second.headers().firstValue("Cache-Status")).hasValue("Brisk; fwd=uri-miss; detail=wait-timeout");
        routes.gate.complete("slow but done");
        assertThat(Concurrent.all(first).get(0).body()).isEqualTo("slow but done");
    }
}
