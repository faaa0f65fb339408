package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Query;
import dev.brisk.Server;
import dev.brisk.Workers;
import dev.brisk.test.TestClient;
import jakarta.validation.constraints.Max;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An in-memory hit is answered on the event loop as the request arrives, a plain (worker) route's
 * too: it needs no free worker, request listeners hear of it exactly once, and everything that is
 * not a plain hit (a miss, an invalid value, request cache directives) runs the route as before.
 */
class PlainRouteHitOnEventLoopTest {
    public static final class Reports {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Get("/report/{id}")
        @Cached(ttl = "60s", key = "id")
        public Map<String, Object> report(int id, @Query(defaultValue = "10") @Max(100) int limit) {
            return Map.of("id", id, "call", calls.incrementAndGet());
        }

        @Get("/summary/{id}")
        @Cached(ttl = "60s")
        public CompletableFuture<String> summary(int id) {
            return CompletableFuture.completedFuture("summary " + id + " call " + calls.incrementAndGet());
        }

        /** Keeps the only worker busy until released. */
        @Get("/hold")
        public String hold() throws InterruptedException {
            holding.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "held";
        }
    }

    @Test
    @Timeout(30)
    void aHitNeedsNoFreeWorker() throws Exception {
        var reports = new Reports();
        var http = HttpClient.newHttpClient();
        try (Server s = App.builder().workers(Workers.platform(1, 1)).include(reports).build().start("127.0.0.1", 0)) {
            assertThat(get(http, s, "/report/1").headers().firstValue("Cache-Status")).hasValue("Brisk; fwd=uri-miss; stored");
            var held = http.sendAsync(request(s, "/hold"), HttpResponse.BodyHandlers.ofString());
            assertThat(reports.holding.await(10, TimeUnit.SECONDS)).isTrue();
            var queued = http.sendAsync(request(s, "/report/2"), HttpResponse.BodyHandlers.ofString());   // the one queue slot
            // The only worker is busy: a miss waits (or is refused), a hit is answered at once.
            for (int i = 0; i < 20; i++) {
                var hit = get(http, s, "/report/1");
                assertThat(hit.statusCode()).isEqualTo(200);
                assertThat(hit.headers().firstValue("Cache-Status").orElseThrow()).startsWith("Brisk; hit; ttl=");
                assertThat(hit.body()).contains("\"call\":1");
            }
            assertThat(held).isNotDone();
            reports.release.countDown();
            assertThat(held.get(10, TimeUnit.SECONDS).body()).isEqualTo("held");
            assertThat(queued.get(10, TimeUnit.SECONDS).statusCode()).isIn(200, 503);
        }
        assertThat(reports.calls.get()).isBetween(1, 2);
    }

    private static HttpRequest request(Server s, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build();
    }

    private static HttpResponse<String> get(HttpClient http, Server s, String path) throws Exception {
        return http.send(request(s, path), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listenersHearOfAHitOnceOnTheLoopAndOfAMissOnceOnAWorker() {
        var app = App.builder().title("listening-plain-hit").include(new Reports()).build();
        var events = ListeningExtension.EVENTS.computeIfAbsent("listening-plain-hit", k -> new java.util.concurrent.CopyOnWriteArrayList<>());
        try (var c = TestClient.of(app)) {
            c.get("/report/3");
            awaitEvents(events, 3);   // "returned" may come a moment after the response has been sent
            assertThat(events).containsExactly("started /report/3 worker", "completed /report/3 200 timed", "returned /report/3 worker");
            events.clear();
            assertThat(c.get("/report/3").header("Cache-Status")).startsWith("Brisk; hit");
            awaitEvents(events, 3);
            assertThat(events).containsExactly("started /report/3 loop", "completed /report/3 200 timed", "returned /report/3 loop");
            events.clear();
            // An event-loop route: the miss and the hit are both heard of once, on the loop.
            c.get("/summary/3");
            assertThat(c.get("/summary/3").header("Cache-Status")).startsWith("Brisk; hit");
            awaitEvents(events, 6);
            assertThat(events).containsExactly("started /summary/3 loop", "completed /summary/3 200 timed", "returned /summary/3 loop",
                    "started /summary/3 loop", "completed /summary/3 200 timed", "returned /summary/3 loop");
        }
    }

    private static void awaitEvents(java.util.List<String> events, int n) {
        Concurrent.await(() -> events.size() >= n, n + " listener events");
        try {
            Thread.sleep(50);   // and no more than those
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anInvalidValueIsNeverAHit() {
        var reports = new Reports();
        try (var c = TestClient.of(App.builder().include(reports).build())) {
            c.get("/report/4?limit=5");
            var bad = c.get("/report/4?limit=1000");   // the key holds only id: the entry exists, but limit breaks @Max
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"limit\"]");
            assertThat(c.get("/report/4?limit=abc").status()).isEqualTo(422);
            assertThat(c.get("/report/4?limit=7").header("Cache-Status")).startsWith("Brisk; hit");
        }
        assertThat(reports.calls.get()).isEqualTo(1);
    }

    @Test
    void requestDirectivesStillGoThroughTheWorkerPath() {
        var reports = new Reports();
        try (var c = TestClient.of(App.builder().include(reports).build())) {
            c.get("/report/5");
            var refreshed = c.request("GET", "/report/5").header("Cache-Control", "no-cache").send();
            assertThat(refreshed.header("Cache-Status")).isEqualTo("Brisk; fwd=request; stored");
            assertThat(refreshed.json().get("call").asInt()).isEqualTo(2);
            var bypassed = c.request("GET", "/report/5").header("Cache-Control", "no-store").send();
            assertThat(bypassed.header("Cache-Status")).isEqualTo("Brisk; fwd=request; detail=no-store");
            assertThat(c.get("/report/5").json().get("call").asInt()).isEqualTo(2);
        }
        assertThat(reports.calls.get()).isEqualTo(3);
    }
}
