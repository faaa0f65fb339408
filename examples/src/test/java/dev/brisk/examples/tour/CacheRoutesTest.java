package dev.brisk.examples.tour;

import dev.brisk.App;
import dev.brisk.cache.Cache;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CacheRoutesTest {
    private final Cache cache = CacheRoutes.backend(Optional.empty());
    private final App app = CacheRoutes.install(App.builder(), cache).build();

    @Test
    void aCachedAnswerIsComputedOncePerParamUntilEvicted() {
        try (var c = TestClient.of(app)) {
            var first = c.get("/tour/cached/a");
            assertThat(first.json().toString()).isEqualTo("{\"param\":\"a\",\"computed\":1}");
            var again = c.get("/tour/cached/a");
            assertThat(again.json().toString()).isEqualTo("{\"param\":\"a\",\"computed\":1}");
            assertThat(again.header("Cache-Status")).startsWith("Brisk; hit");
            assertThat(again.header("Cache-Control")).isEqualTo("max-age=60");
            assertThat(c.get("/tour/cached/b").json().get("computed").asLong()).isEqualTo(2);

            var evicted = c.post("/tour/cached/evict", null);
            assertThat(evicted.status()).isEqualTo(200);
            assertThat(evicted.json().toString()).isEqualTo("{\"evicted\":2}");
            assertThat(c.get("/tour/cached/a").json().get("computed").asLong()).isEqualTo(3);
        }
    }

    @Test
    void aMatchingEtagIs304() {
        try (var c = TestClient.of(app)) {
            String etag = c.get("/tour/cached/x").header("ETag");
            assertThat(c.request("GET", "/tour/cached/x").header("If-None-Match", etag).send().status()).isEqualTo(304);
        }
    }

    @Test
    void getOnTheEvictPathIsJustAParamAndTheOptionPicksRedis() {
        try (var c = TestClient.of(app)) {
            assertThat(c.get("/tour/cached/evict").json().get("param").asText()).isEqualTo("evict");
        }
        assertThat(CacheRoutes.backend(Optional.of("redis://127.0.0.1:6390")).toString())
                .isEqualTo("Cache[Redis at redis://127.0.0.1:6390/0, key prefix \"brisk:\"]");
        assertThat(cache.toString()).isEqualTo("Cache[in memory, up to 64 MiB]");
    }
}
