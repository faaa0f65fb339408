package docs.caching;

import dev.brisk.App;
import dev.brisk.cache.Cache;
import dev.brisk.cache.RedisOptions;

import java.time.Duration;
import java.util.Optional;

/** The app of docs/caching.md, with the backend chosen by configuration. */
public final class CatalogApp {
    private CatalogApp() {
    }

    static App inMemory() {
        Cache cache = Cache.inMemory();                          // the default: 64 MiB in this JVM
        return App.builder().provide(Cache.class, cache).include(new Catalog(cache)).build();
    }

    static App withRedis() {
        Cache cache = Cache.redis("redis://localhost:6379");     // connects on first use
        return App.builder().provide(Cache.class, cache).include(new Catalog(cache)).build();
    }

    static Cache tuned() {
        return Cache.redis(RedisOptions.of("rediss://cache.internal:6380/2")   // TLS, database 2
                .keyPrefix("shop:")                                          // apps sharing a Redis: one prefix each
                .connectTimeout(Duration.ofSeconds(1))
                .commandTimeout(Duration.ofMillis(250)));
    }

    /** {@code REDIS_URL} set: Redis; else in memory. */
    static App fromEnvironment(Optional<String> redisUrl) {
        Cache cache = redisUrl.map(Cache::redis).orElseGet(Cache::inMemory);
        return App.builder().provide(Cache.class, cache).include(new Catalog(cache)).build();
    }
}
