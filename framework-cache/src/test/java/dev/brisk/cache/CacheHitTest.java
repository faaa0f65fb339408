package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Router;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A miss runs the handler and stores the response; a hit replays it without the handler, with the caching headers. */
class CacheHitTest {
    @Router(prefix = "/items")
    public static final class Items {
        final AtomicInteger calls = new AtomicInteger();

        @Get("/{id}")
        @Cached(ttl = "60s", namespace = "items")
        public Map<String, Object> read(int id) {
            return Map.of("id", id, "call", calls.incrementAndGet());
        }

        @Get("/{id}/async")
        @Cached(ttl = "1m")
        public CompletableFuture<String> readAsync(int id) {
            return CompletableFuture.completedFuture("item " + id + " call " + calls.incrementAndGet());
        }

        @Get("/{id}/plain")
        public String uncached(int id) {
            return "call " + calls.incrementAndGet();
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Items items = new Items();
    private final App app = App.builder().provide(Cache.class, clock.memoryCache()).include(items).build();

    @Test
    void theSecondRequestIsAHitWithTheSameBodyAndTheHandlerRunsOnce() {
        try (var client = TestClient.of(app)) {
            var miss = client.get("/items/7");
            assertThat(miss.status()).isEqualTo(200);
            assertThat(miss.header("Cache-Status")).isEqualTo("Brisk; fwd=uri-miss; stored");
            assertThat(miss.header("Cache-Control")).isEqualTo("max-age=60");
            assertThat(miss.header("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
            assertThat(miss.header("Age")).isNull();

            clock.advance(Duration.ofSeconds(15));
            var hit = client.get("/items/7");
            assertThat(hit.status()).isEqualTo(200);
            assertThat(hit.text()).isEqualTo(miss.text());
            assertThat(hit.contentType()).isEqualTo("application/json");
            assertThat(hit.header("Cache-Status")).isEqualTo("Brisk; hit; ttl=45");
            assertThat(hit.header("Age")).isEqualTo("15");
            assertThat(hit.header("Cache-Control")).isEqualTo("max-age=60");
            assertThat(hit.header("ETag")).isEqualTo(miss.header("ETag"));
            assertThat(items.calls).hasValue(1);
        }
    }

    @Test
    void eachPathValueHasItsOwnEntry() {
        try (var client = TestClient.of(app)) {
            client.get("/items/1");
            client.get("/items/2");
            assertThat(client.get("/items/1").json().get("call").asInt()).isEqualTo(1);
            assertThat(client.get("/items/2").json().get("call").asInt()).isEqualTo(2);
            assertThat(items.calls).hasValue(2);
        }
    }

    @Test
    void anEntryExpiresAfterItsTtl() {
        try (var client = TestClient.of(app)) {
            client.get("/items/1");
            clock.advance(Duration.ofSeconds(59));
            assertThat(client.get("/items/1").header("Cache-Status")).startsWith("Brisk; hit");
            clock.advance(Duration.ofSeconds(1));
            var again = client.get("/items/1");
            assertThat(again.header("Cache-Status")).isEqualTo("Brisk; fwd=uri-miss; stored");
            assertThat(again.json().get("call").asInt()).isEqualTo(2);
        }
    }

    @Test
    void headIsServedFromTheGetEntry() {
        try (var client = TestClient.of(app)) {
            var get = client.get("/items/3");
            var head = client.head("/items/3");
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.bytes()).isEmpty();
            assertThat(head.header("Cache-Status")).startsWith("Brisk; hit");
            assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.bytes().length));
            assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
            assertThat(items.calls).hasValue(1);
        }
    }

    @Test
    void eventLoopRoutesAreCachedToo() {
        try (var client = TestClient.of(app)) {
            var miss = client.get("/items/5/async");
            var hit = client.get("/items/5/async");
            assertThat(hit.text()).isEqualTo("item 5 call 1").isEqualTo(miss.text());
            assertThat(hit.contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(hit.header("Cache-Status")).startsWith("Brisk; hit");
        }
    }

    @Test
    void routesWithoutTheAnnotationAreLeftAlone() {
        try (var client = TestClient.of(app)) {
            var first = client.get("/items/1/plain");
            var second = client.get("/items/1/plain");
            assertThat(second.text()).isNotEqualTo(first.text());
            assertThat(second.header("Cache-Status")).isNull();
            assertThat(second.header("ETag")).isNull();
        }
    }

    @Test
    void theEtagIsTheSameForTheSameBytesInAnotherCache() {
        String a;
        try (var client = TestClient.of(app)) {
            a = client.get("/items/9/async").header("ETag");
        }
        var other = new Items();
        var app2 = App.builder().provide(Cache.class, Cache.inMemory()).include(other).build();
        try (var client = TestClient.of(app2)) {
            assertThat(client.get("/items/9/async").header("ETag")).isEqualTo(a);
        }
    }
}
