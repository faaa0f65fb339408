package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis going away never fails a request: the route is computed and answered ({@code Cache-Status:
 * ...; fwd=bypass}), one WARN says so, and caching resumes by itself once Redis is back.
 */
class RedisOutageTest {
    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    public static final class Routes {
        final AtomicInteger calls = new AtomicInteger();

        @Get("/r/{id}")
        @Cached(ttl = "5m")
        public String read(int id) {
            return "computed " + id + " #" + calls.incrementAndGet();
        }
    }

    private static Cache cache(String uri) {
        return Cache.redis(RedisOptions.of(uri).commandTimeout(Duration.ofMillis(500)).connectTimeout(Duration.ofMillis(500))
                .maxReconnectDelay(Duration.ofMillis(200)));
    }

    private static String status(TestClient c, String path) {
        var r = c.get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.header("Cache-Status");
    }

    @Test
    void killingRedisMidRunKeepsAnsweringAndRestartingItResumesCaching() throws Exception {
        var routes = new Routes();
        var app = App.builder().provide(Cache.class, RedisServer.connected(cache(redis.uri()))).include(routes).build();
        try (var log = new LogCapture(); var c = TestClient.of(app)) {
            assertThat(status(c, "/r/1")).isEqualTo("Brisk; fwd=uri-miss; stored");
            assertThat(status(c, "/r/1")).startsWith("Brisk; hit");

            redis.kill();
            int before = routes.calls.get();
            for (int i = 0; i < 25; i++) {
                assertThat(status(c, "/r/1")).isEqualTo("Brisk; fwd=bypass; detail=backend-unavailable");
            }
            assertThat(routes.calls.get() - before).isEqualTo(25);   // each was computed
            assertThat(log.lines("WARN")).filteredOn(l -> l.contains("is unavailable")).hasSize(1);
            assertThat(log.lines("still unavailable")).isEmpty();

            redis.start();
            Concurrent.await(() -> status(c, "/r/2").contains("stored"), "caching resumed after Redis came back");
            assertThat(status(c, "/r/2")).startsWith("Brisk; hit");
            assertThat(log.lines("is available again; caching resumed")).hasSize(1);
        }
    }

    @Test
    void redisDownAtStartupIsTriedAgainAndUsedOnceItIsUp() throws Exception {
        redis.kill();
        var routes = new Routes();
        var app = App.builder().provide(Cache.class, cache(redis.uri())).include(routes).build();
        try (var log = new LogCapture(); var c = TestClient.of(app)) {
            assertThat(log.lines("connects on first use")).hasSize(1);
            for (int i = 0; i < 5; i++) assertThat(status(c, "/r/3")).isEqualTo("Brisk; fwd=bypass; detail=backend-unavailable");
            redis.start();
            Concurrent.await(() -> status(c, "/r/3").contains("stored"), "the cache connected once Redis was up");
            assertThat(status(c, "/r/3")).startsWith("Brisk; hit");
        } finally {
            if (!redisRunning()) redis.start();
        }
    }

    private static boolean redisRunning() {
        try (var s = new java.net.Socket("127.0.0.1", redis.port())) {
            return s.isConnected();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
