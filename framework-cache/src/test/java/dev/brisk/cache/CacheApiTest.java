package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The programmatic cache: get, put and evict by key or namespace, for code that is not a route. */
class CacheApiTest {
    public static final class Prices {
        private final Cache cache;
        int calls;

        public Prices(Cache cache) {
            this.cache = cache;
        }

        @Get("/prices/{sku}")
        @Cached(ttl = "10m", namespace = "prices")
        public String price(String sku) {
            return sku + " costs " + (10 + ++calls);
        }

        @Post("/prices/changed")
        public long changed() {
            return cache.evictNamespace("prices").join();
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void valuesArePutReadAndEvicted() {
        var clock = new ManualClock();
        Cache cache = clock.memoryCache();
        cache.put("ns", "a", b("one"), Duration.ofSeconds(10)).join();
        assertThat(cache.get("ns", "a").join()).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("one"));
        assertThat(cache.get("other", "a").join()).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(cache.get("ns", "a").join()).isEmpty();

        cache.put("ns", "b", b("two"), Duration.ofMinutes(1)).join();
        assertThat(cache.evict("ns", "b").join()).isTrue();
        assertThat(cache.evict("ns", "b").join()).isFalse();
    }

    @Test
    void aStoredValueIsACopy() {
        Cache cache = Cache.inMemory();
        byte[] v = b("abc");
        cache.put("ns", "k", v, Duration.ofMinutes(1)).join();
        v[0] = 'X';
        byte[] read = cache.get("ns", "k").join().orElseThrow();
        assertThat(read).isEqualTo(b("abc"));
        read[1] = 'Y';
        assertThat(cache.get("ns", "k").join().orElseThrow()).isEqualTo(b("abc"));
    }

    @Test
    void evictingANamespaceDropsItsRouteEntriesAfterAWrite() {
        Cache cache = Cache.inMemory();
        var prices = new Prices(cache);
        var app = App.builder().provide(Cache.class, cache).include(prices).build();
        try (var c = TestClient.of(app)) {
            assertThat(c.get("/prices/abc").text()).isEqualTo("abc costs 11");
            assertThat(c.get("/prices/abc").text()).isEqualTo("abc costs 11");
            cache.put("prices", "note", b("x"), Duration.ofMinutes(1)).join();
            assertThat(c.post("/prices/changed", null).text()).isEqualTo("2");
            assertThat(c.get("/prices/abc").text()).isEqualTo("abc costs 12");
        }
    }

    @Test
    void ofFindsTheCacheAnAppUsesAndClearEmptiesIt() {
        var prices = new Prices(Cache.inMemory());
        var app = App.builder().include(prices).build();   // no provided cache: in memory by default
        try (var c = TestClient.of(app)) {
            c.get("/prices/x");
            assertThat(c.get("/prices/x").header("Cache-Status")).startsWith("Brisk; hit");
            Cache.of(app).clear().join();
            assertThat(c.get("/prices/x").header("Cache-Status")).contains("stored");
        }
        Cache provided = Cache.inMemory();
        assertThat(Cache.of(App.builder().provide(Cache.class, provided).build())).isSameAs(provided);
        assertThat(Cache.of(app).toString()).isEqualTo("Cache[in memory, up to 64 MiB]");
    }

    @Test
    void badArgumentsAreRefused() {
        Cache cache = Cache.inMemory();
        assertThatThrownBy(() -> cache.put("ns", "k", b("v"), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.put("n s", "k", b("v"), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.get("", "k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.evictNamespace("x*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.get("ns", null)).isInstanceOf(NullPointerException.class);
    }
}
