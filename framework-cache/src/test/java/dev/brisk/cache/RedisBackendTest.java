package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the cache keeps in Redis: values with a versioned header (never Java serialization), the
 * TTL set in Redis, keys under the prefix and namespace with no request value in clear, and
 * namespace eviction by SCAN + UNLINK (KEYS is disabled on this server).
 */
class RedisBackendTest {
    @RegisterExtension
    static final RedisServer redis = new RedisServer("--rename-command", "KEYS", "", "--requirepass", "s3cret-pass");

    static String uri() {
        return "redis://:s3cret-pass@127.0.0.1:" + redis.port();
    }

    public static final class Routes {
        int calls;

        @Get("/v/{id}")
        @Cached(ttl = "90s", namespace = "things")
        public String read(int id, @Header("Authorization") Optional<String> auth) {
            return "thing " + id + " #" + ++calls;
        }

        @Get("/other/{id}")
        @Cached(ttl = "90s", namespace = "others")
        public String other(int id) {
            return "other " + id;
        }
    }

    private static RedisKeys redisKeys;

    @BeforeEach
    void clean() {
        if (redisKeys == null) redisKeys = new RedisKeys(uri());
        redisKeys.flush();
    }

    @AfterAll
    static void closeKeys() {
        if (redisKeys != null) redisKeys.close();
    }

    @Test
    void entriesAreVersionedBytesWithTheTtlSetInRedis() {
        var routes = new Routes();
        var app = App.builder().provide(Cache.class, RedisServer.connected(Cache.redis(uri()))).include(routes).build();
        try (var c = TestClient.of(app)) {
            c.get("/v/1");
            Concurrent.await(() -> redisKeys.keys("brisk:things:r:*").size() == 1, "one entry in Redis");
            String key = redisKeys.keys("brisk:things:r:*").get(0);
            assertThat(key).matches("brisk:things:r:[A-Za-z0-9_-]{43}");
            byte[] value = redisKeys.get(key);
            assertThat(value).startsWith('B', 'K', 1, 1);
            assertThat(new String(value, StandardCharsets.ISO_8859_1)).endsWith("thing 1 #1").doesNotContain("java.");
            assertThat(redisKeys.pttl(key)).isBetween(80_000L, 90_000L);
            assertThat(c.get("/v/1").header("Cache-Status")).startsWith("Brisk; hit");
        }
    }

    @Test
    void credentialsNeverReachRedisInClear() {
        var app = App.builder().provide(Cache.class, RedisServer.connected(Cache.redis(uri()))).include(new Routes()).build();
        try (var c = TestClient.of(app)) {
            c.request("GET", "/v/2").header("Authorization", "Bearer top-secret-token").send();
            Concurrent.await(() -> !redisKeys.keys("brisk:*").isEmpty(), "an entry in Redis");
            for (String k : redisKeys.keys("*")) {
                assertThat(k).doesNotContain("top-secret-token");
                assertThat(new String(redisKeys.get(k), StandardCharsets.ISO_8859_1)).doesNotContain("top-secret-token");
            }
        }
    }

    @Test
    void aValueThisVersionCannotReadIsAMissAndIsReplaced() throws InterruptedException {
        var routes = new Routes();
        var app = App.builder().provide(Cache.class, RedisServer.connected(Cache.redis(uri()))).include(routes).build();
        try (var c = TestClient.of(app)) {
            c.get("/v/3");
            Concurrent.await(() -> redisKeys.keys("brisk:things:r:*").size() == 1, "one entry in Redis");
            String key = redisKeys.keys("brisk:things:r:*").get(0);
            for (byte[] junk : new byte[][] {"garbage".getBytes(StandardCharsets.US_ASCII), {'B', 'K', 9, 1, 0}, {'B', 'K', 1, 1, 0, 0}, {}}) {
                // Redis may hold the new entry a moment before the app hears its write is done; until then a
                // request is answered from the write still in progress, not from Redis. Let that moment pass.
                Thread.sleep(100);
                redisKeys.set(key, junk);
                var r = c.get("/v/3");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("Cache-Status")).isEqualTo("Brisk; fwd=uri-miss; stored");
                // The store is asynchronous: let it land before the next round spoils the entry again.
                Concurrent.await(() -> redisKeys.get(key).length > 10 && redisKeys.get(key)[2] == 1, "the entry was rewritten");
            }
            Concurrent.await(() -> redisKeys.get(key).length > 10 && redisKeys.get(key)[2] == 1, "the entry was rewritten");
        }
    }

    @Test
    void evictingANamespaceUnlinksItsKeysOnlyAndClearKeepsForeignKeys() {
        var cache = RedisServer.connected(Cache.redis(uri()));
        var app = App.builder().provide(Cache.class, cache).include(new Routes()).build();
        try (var c = TestClient.of(app)) {
            for (int i = 0; i < 1200; i++) cache.put("things", "k" + i, new byte[] {1}, Duration.ofMinutes(1)).join();
            c.get("/v/4");
            c.get("/other/4");
            redisKeys.set("not-ours", new byte[] {42});
            Concurrent.await(() -> redisKeys.keys("brisk:*").size() == 1202, "all entries written");

            assertThat(cache.evictNamespace("things").join()).isEqualTo(1201);   // more than one SCAN page
            assertThat(redisKeys.keys("brisk:things:*")).isEmpty();
            assertThat(redisKeys.keys("brisk:others:*")).hasSize(1);

            cache.clear().join();
            assertThat(redisKeys.keys("brisk:*")).isEmpty();
            assertThat(redisKeys.get("not-ours")).containsExactly(42);
        }
    }

    @Test
    void theCacheApiStoresValuesWithTheirTtl() {
        var cache = Cache.redis(RedisOptions.of(uri()).keyPrefix("app2:"));
        byte[] v = "hello".getBytes(StandardCharsets.UTF_8);
        cache.put("greetings", "en", v, Duration.ofSeconds(30)).join();
        assertThat(cache.get("greetings", "en").join()).hasValueSatisfying(b -> assertThat(b).isEqualTo(v));
        assertThat(cache.get("greetings", "fr").join()).isEmpty();
        assertThat(redisKeys.pttl("app2:greetings:v:en")).isBetween(20_000L, 30_000L);
        assertThat(cache.evict("greetings", "en").join()).isTrue();
        assertThat(cache.evict("greetings", "en").join()).isFalse();
        assertThat(cache.get("greetings", "en").join()).isEmpty();
    }

    @Test
    void thePasswordNeverAppearsInLogs() {
        try (var log = new LogCapture()) {
            var cache = RedisServer.connected(Cache.redis(uri()));
            assertThat(cache.toString()).doesNotContain("s3cret");
            var app = App.builder().provide(Cache.class, cache).include(new Routes()).build();
            try (var c = TestClient.of(app)) {
                c.get("/v/5");
                assertThat(c.get("/v/5").header("Cache-Status")).startsWith("Brisk; hit");   // authenticated with it
            }
            assertThat(log.text()).contains("redis://127.0.0.1:" + redis.port() + "/0").doesNotContain("s3cret");
        }
        var wrong = Cache.redis("redis://:wrong-pass@127.0.0.1:" + redis.port());
        try (var log = new LogCapture(); var c = TestClient.of(App.builder().provide(Cache.class, wrong).include(new Routes()).build())) {
            assertThat(c.get("/v/6").status()).isEqualTo(200);
            Concurrent.await(() -> log.text().contains("is unavailable"), "the failure is logged");
            assertThat(log.text()).doesNotContain("wrong-pass");
        }
    }
}
