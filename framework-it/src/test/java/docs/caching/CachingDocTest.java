package docs.caching;

import dev.brisk.App;
import dev.brisk.cache.Cache;
import dev.brisk.it.docs.DocSnippets;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CachingDocTest {
    @Test
    void snippetsAreThisCode() {
        DocSnippets.assertAllCompiled("docs/caching.md");
    }

    // --- the test example of the page ---------------------------------------------------------

    App app = CatalogApp.inMemory();

    @BeforeEach
    void emptyCache() {
        Cache.of(app).clear().join();
    }

    @Test
    void aSecondReadIsAHit() {
        try (var client = TestClient.of(app)) {
            client.put("/catalog/p1", new Catalog.Product("p1", "Pen", 1.5));
            var first = client.get("/catalog/p1");
            var second = client.get("/catalog/p1");
            assertThat(first.header("Cache-Status")).isEqualTo("Brisk; fwd=uri-miss; stored");
            assertThat(second.header("Cache-Status")).startsWith("Brisk; hit");
            assertThat(second.text()).isEqualTo(first.text());
        }
    }
    // ---------------------------------------------------------------------------------------------

    @Test
    void aWriteEvictsAndNotFoundIsNotStored() {
        try (var client = TestClient.of(app)) {
            assertThat(client.get("/catalog/p2").status()).isEqualTo(404);
            assertThat(client.get("/catalog/p2").header("Cache-Status")).isEqualTo("Brisk; fwd=uri-miss; detail=status");
            client.put("/catalog/p2", new Catalog.Product("p2", "Ink", 3.0));
            assertThat(client.get("/catalog/p2").json().get("price").asDouble()).isEqualTo(3.0);
            client.put("/catalog/p2", new Catalog.Product("p2", "Ink", 4.0));
            var r = client.get("/catalog/p2");
            assertThat(r.json().get("price").asDouble()).isEqualTo(4.0);
            assertThat(r.header("Cache-Control")).isEqualTo("max-age=60");
            String etag = r.header("ETag");
            assertThat(client.request("GET", "/catalog/p2").header("If-None-Match", etag).send().status()).isEqualTo(304);
        }
    }

    @Test
    void theBackendsOfThePage() {
        assertThat(Cache.of(CatalogApp.withRedis()).toString()).isEqualTo("Cache[Redis at redis://localhost:6379/0, key prefix \"brisk:\"]");
        assertThat(CatalogApp.tuned().toString()).isEqualTo("Cache[Redis at rediss://cache.internal:6380/2, key prefix \"shop:\"]");
        assertThat(Cache.of(CatalogApp.fromEnvironment(Optional.empty())).toString()).isEqualTo("Cache[in memory, up to 64 MiB]");
        assertThat(Cache.of(CatalogApp.fromEnvironment(Optional.of("redis://cache:6379"))).toString()).contains("redis://cache:6379/0");
    }
}
