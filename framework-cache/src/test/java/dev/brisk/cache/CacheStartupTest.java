package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Provides;
import dev.brisk.Router;
import dev.brisk.StartupException;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A mistake in a route's caching settings fails startup with a message naming the route. */
class CacheStartupTest {
    public static final class OnPost {
        @Post("/p")
        @Cached(ttl = "1m")
        public String p() {
            return "p";
        }
    }

    public static final class BadTtl {
        @Get("/t")
        @Cached(ttl = "soon")
        public String t() {
            return "t";
        }
    }

    public static final class ZeroTtl {
        @Get("/t")
        @Cached(ttl = "0s")
        public String t() {
            return "t";
        }
    }

    public static final class TooLong {
        @Get("/t")
        @Cached(ttl = "400d")
        public String t() {
            return "t";
        }
    }

    public static final class BadNamespace {
        @Get("/n")
        @Cached(ttl = "1m", namespace = "a:b")
        public String n() {
            return "n";
        }
    }

    public static final class BadStatus {
        @Get("/s")
        @Cached(ttl = "1m", statuses = {200, 500})
        public String s() {
            return "s";
        }
    }

    public static final class BadStoreHeader {
        @Get("/h")
        @Cached(ttl = "1m", storeHeaders = "Set-Cookie")
        public String h() {
            return "h";
        }
    }

    public static final class BadVary {
        @Get("/v")
        @Cached(ttl = "1m", vary = "not a header")
        public String v() {
            return "v";
        }
    }

    public static final class CacheProvider {
        @Provides
        public static Cache cache() {
            return Cache.inMemory();
        }

        @Get("/c")
        @Cached(ttl = "1m")
        public String c() {
            return "c";
        }
    }

    private static void fails(Object routes, String... message) {
        var thrown = assertThatThrownBy(() -> App.builder().include(routes).build()).isInstanceOf(StartupException.class);
        for (String m : message) thrown.hasMessageContaining(m);
    }

    @Test
    void onlyGetRoutesMayBeCached() {
        fails(new OnPost(), "@Cached on POST /p (OnPost.p)", "only GET routes are cached");
    }

    @Test
    void theTtlMustBeADurationOfAtMostAYear() {
        fails(new BadTtl(), "@Cached on GET /t (BadTtl.t): ttl", "\"soon\" is not a duration");
        fails(new ZeroTtl(), "ttl must be at least 1ms");
        fails(new TooLong(), "longer than a year");
    }

    @Test
    void namespacesStatusesHeadersAndVaryAreChecked() {
        fails(new BadNamespace(), "GET /n", "a namespace is 1 to 64 letters");
        fails(new BadStatus(), "GET /s", "status 500 is not one a cache may store");
        fails(new BadStoreHeader(), "GET /h", "storeHeaders cannot name \"Set-Cookie\"");
        fails(new BadVary(), "GET /v", "\"not a header\" is not a header name");
    }

    @Test
    void theCacheIsProvidedAsAnInstanceNotByAProviderMethod() {
        assertThatThrownBy(() -> App.builder().include(CacheProvider.class).build())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("App.Builder.provide(Cache.class, ...)");
    }

    @Router(prefix = "/mixed")
    @Cached(ttl = "1m")
    public static final class Mixed {
        int posts;

        @Get
        public String get() {
            return "get";
        }

        @Post
        public String post() {
            return "post " + ++posts;
        }
    }

    @Test
    void onARouterOnlyItsGetRoutesAreCached() {
        var mixed = new Mixed();
        try (var c = TestClient.of(App.builder().include(mixed).build())) {
            c.get("/mixed");
            assertThat(c.get("/mixed").header("Cache-Status")).startsWith("Brisk; hit");
            assertThat(c.post("/mixed", null).text()).isEqualTo("post 1");
            assertThat(c.post("/mixed", null).header("Cache-Status")).isNull();
        }
    }

    @Test
    void redisUrisAreCheckedWhenTheCacheIsMade() {
        assertThatThrownBy(() -> Cache.redis("http://localhost:6379")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis:// or rediss://");
        assertThatThrownBy(() -> Cache.redis("redis://:pw@")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> RedisOptions.of("redis://localhost").keyPrefix("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisOptions.of("redis://localhost").keyPrefix("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisOptions.of("redis://localhost").commandTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cache.inMemory(10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RedisOptions.of("rediss://user:pw@cache.internal:6380/2").location()).isEqualTo("rediss://cache.internal:6380/2");
    }
}
