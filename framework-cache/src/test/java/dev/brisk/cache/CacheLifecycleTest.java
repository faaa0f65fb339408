package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's startup opens the cache and its shutdown closes it; a cache shared by apps closes with the last. */
class CacheLifecycleTest {
    public static final class Hello {
        @Get("/hello")
        @Cached(ttl = "1m")
        public String hello() {
            return "hello";
        }
    }

    @Test
    void startupLogsTheBackendAndShutdownDropsInMemoryEntries() {
        Cache cache = Cache.inMemory(8L << 20);
        var app = App.builder().provide(Cache.class, cache).include(new Hello()).build();
        try (var log = new LogCapture()) {
            try (var c = TestClient.of(app)) {
                assertThat(log.lines("Cache: in memory, up to 8 MiB")).hasSize(1);
                c.get("/hello");
                cache.put("ns", "k", new byte[] {1}, Duration.ofMinutes(1)).join();
            }
            assertThat(cache.get("ns", "k").join()).isEmpty();
            try (var c = TestClient.of(app)) {
                assertThat(c.get("/hello").header("Cache-Status")).contains("stored");
            }
        }
    }

    @Test
    void aCacheSharedByTwoAppsClosesWithTheLast() {
        Cache cache = Cache.inMemory();
        var a = App.builder().provide(Cache.class, cache).include(new Hello()).build();
        var b = App.builder().provide(Cache.class, cache).include(new Hello()).build();
        try (var ca = TestClient.of(a)) {
            try (var cb = TestClient.of(b)) {
                cb.get("/hello");
            }
            assertThat(ca.get("/hello").header("Cache-Status")).startsWith("Brisk; hit");
        }
    }

    @Test
    void anAppWithoutCachedRoutesLeavesItsCacheClosedUnlessItProvidesOne() {
        try (var log = new LogCapture()) {
            try (var c = TestClient.of(App.builder().route("GET", "/x", r -> "x").build())) {
                c.get("/x");
            }
            assertThat(log.lines("Cache:")).isEmpty();
            try (var c = TestClient.of(App.builder().provide(Cache.class, Cache.inMemory()).build())) {
                assertThat(log.lines("Cache: in memory")).hasSize(1);
                assertThat(c.get("/nothing").status()).isEqualTo(404);
            }
        }
    }
}
