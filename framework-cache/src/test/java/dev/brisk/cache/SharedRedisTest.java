package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances of an app on two ports share one Redis: what one caches is a hit on the other. */
class SharedRedisTest {
    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    public static final class Catalog {
        final AtomicInteger calls = new AtomicInteger();
        final String instance;

        public Catalog(String instance) {
            this.instance = instance;
        }

        @Get("/catalog/{id}")
        @Cached(ttl = "60s", namespace = "catalog")
        public String read(int id) {
            calls.incrementAndGet();
            return "item " + id + " from " + instance;
        }
    }

    private static HttpResponse<String> get(HttpClient http, Server s, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aResponseCachedByOneInstanceIsAHitOnTheOther() throws Exception {
        var one = new Catalog("one");
        var two = new Catalog("two");
        Cache cacheOne = RedisServer.connected(Cache.redis(redis.uri()));
        Cache cacheTwo = RedisServer.connected(Cache.redis(redis.uri()));
        var http = HttpClient.newHttpClient();
        try (Server a = App.builder().provide(Cache.class, cacheOne).include(one).build().start("127.0.0.1", 0);
             Server b = App.builder().provide(Cache.class, cacheTwo).include(two).build().start("127.0.0.1", 0)) {
            assertThat(a.port()).isNotEqualTo(b.port());
            var miss = get(http, a, "/catalog/1");
            assertThat(miss.headers().firstValue("Cache-Status")).hasValue("Brisk; fwd=uri-miss; stored");
            Concurrent.await(() -> !keysOf("brisk:catalog:r:*").isEmpty(), "the entry is in Redis");

            var hit = get(http, b, "/catalog/1");
            assertThat(hit.headers().firstValue("Cache-Status").orElseThrow()).startsWith("Brisk; hit");
            assertThat(hit.body()).isEqualTo("item 1 from one");
            assertThat(hit.headers().firstValue("ETag")).isEqualTo(miss.headers().firstValue("ETag"));
            assertThat(two.calls).hasValue(0);

            // evicting the namespace through one instance's cache drops it for both
            assertThat(cacheTwo.evictNamespace("catalog").join()).isEqualTo(1);
            assertThat(get(http, a, "/catalog/1").headers().firstValue("Cache-Status")).hasValue("Brisk; fwd=uri-miss; stored");
            assertThat(one.calls).hasValue(2);
        }
    }

    private static java.util.List<String> keysOf(String pattern) {
        try (var r = new RedisKeys(redis.uri())) {
            return r.keys(pattern);
        }
    }
}
