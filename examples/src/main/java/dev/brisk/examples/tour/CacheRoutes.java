package dev.brisk.examples.tour;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Router;
import dev.brisk.cache.Cache;
import dev.brisk.cache.Cached;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tour's caching stop: {@code GET /tour/cached/{param}} is cached for 60 s (its body counts how
 * often the handler really ran), {@code POST /tour/cached/evict} drops every entry of the tour's
 * namespace. The backend is Redis with {@code --cache redis://host:port}, else in memory.
 */
@Router(prefix = "/tour/cached", tags = "cache")
public final class CacheRoutes {
    /** The namespace of the tour's cached routes. */
    public static final String NAMESPACE = "tour";

    private final Cache cache;
    private final AtomicLong computed = new AtomicLong();

    public CacheRoutes(Cache cache) {
        this.cache = cache;
    }

    /** The cache for the {@code --cache} option: Redis at {@code url}, in memory without one. */
    public static Cache backend(Optional<String> url) {
        return url.map(Cache::redis).orElseGet(Cache::inMemory);
    }

    /** Adds the routes to {@code app}, with {@code cache} as the app's cache (so {@code @Cached} uses it too). */
    public static App.Builder install(App.Builder app, Cache cache) {
        return app.provide(Cache.class, cache).include(new CacheRoutes(cache));
    }

    /** A computed answer: {@code computed} is the number of times the handler has run. */
    public record Computed(String param, long computed) {
    }

    /** How many entries an eviction removed. */
    public record Evicted(long evicted) {
    }

    @Get(value = "/{param}", summary = "A cached computation")
    @Cached(ttl = "60s", namespace = NAMESPACE)
    public Computed read(String param) {
        return new Computed(param, computed.incrementAndGet());
    }

    @Post(value = "/evict", summary = "Evict the tour's cached responses")
    public CompletableFuture<Evicted> evict() {
        return cache.evictNamespace(NAMESPACE).thenApply(Evicted::new);
    }
}
