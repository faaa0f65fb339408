package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.cache.internal.AppCache;
import dev.brisk.cache.internal.Backend;
import dev.brisk.cache.internal.MemoryBackend;
import dev.brisk.cache.internal.Names;
import dev.brisk.cache.internal.RedisBackend;
import dev.brisk.internal.app.AppRuntime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A cache: where {@link Cached} routes keep their responses, and a small key-value API for code
 * that is not a route (evicting after a write, memoising a computation). In memory (Caffeine,
 * bounded by the bytes it holds) or in Redis (shared by every instance of the app).
 *
 * <pre>{@code
 * Cache cache = Cache.redis("redis://localhost:6379");
 * App app = App.builder()
 *         .provide(Cache.class, cache)          // the backend of @Cached routes, and injectable
 *         .include(new Items(cache))
 *         .build();
 * }</pre>
 *
 * <p>An app without a provided {@code Cache} caches in memory ({@link #inMemory()}); {@link #of(App)}
 * finds the one an app uses. The app's startup opens the cache and its shutdown closes it (a
 * cache shared by several apps closes with the last). Redis connects lazily, on first use.
 *
 * <p>The methods return futures and never block. The key-value methods fail their future when the
 * backend fails (e.g. Redis is down); {@code @Cached} routes never fail because of the cache: they
 * are computed and answered without it.
 */
public final class Cache {
    /** The default budget of {@link #inMemory()}: 64 MiB of cached bytes. */
    public static final long DEFAULT_MEMORY_BYTES = 64L << 20;

    private final Backend backend;

    static {
        AppCache.installAccess(c -> c.backend, Cache::new);
    }

    private Cache(Backend backend) {
        this.backend = backend;
    }

    /** A cache in this JVM holding up to 64 MiB of entries (the least used are evicted first). */
    public static Cache inMemory() {
        return inMemory(DEFAULT_MEMORY_BYTES);
    }

    /** A cache in this JVM holding up to {@code maxBytes} of entries; a single entry may use a sixteenth of it. */
    public static Cache inMemory(long maxBytes) {
        if (maxBytes < 1024) throw new IllegalArgumentException("maxBytes must be at least 1024: " + maxBytes);
        return new Cache(new MemoryBackend(maxBytes));
    }

    /** A cache in the Redis at {@code uri} ({@code redis://host:port[/db]}, {@code rediss://} for TLS), with {@link RedisOptions}' defaults. */
    public static Cache redis(String uri) {
        return redis(RedisOptions.of(uri));
    }

    /** A cache in Redis, configured by {@code options}. */
    public static Cache redis(RedisOptions options) {
        Objects.requireNonNull(options, "options");
        return new Cache(new RedisBackend(options, options.redisUri()));
    }

    /** The cache {@code app}'s {@link Cached} routes use: the provided one, or the in-memory default. */
    public static Cache of(App app) {
        Objects.requireNonNull(app, "app");
        return AppRuntime.of(app).state(AppCache.class, () -> {
            throw new IllegalStateException("brisk-cache did not configure " + app + " (is it on the class path the app was built with?)");
        }).cache();
    }

    /** The value stored under {@code key} in {@code namespace}, if present and fresh. */
    public CompletableFuture<Optional<byte[]>> get(String namespace, String key) {
        return backend.getValue(Names.checkNamespace(namespace), Objects.requireNonNull(key, "key"));
    }

    /** Stores {@code value} under {@code key} in {@code namespace} for {@code ttl} (a copy is kept). */
    public CompletableFuture<Void> put(String namespace, String key, byte[] value, Duration ttl) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("ttl must be > 0: " + ttl);
        return backend.putValue(Names.checkNamespace(namespace), Objects.requireNonNull(key, "key"), value.clone(), ttl);
    }

    /** Removes {@code key} from {@code namespace}; true when it was there. */
    public CompletableFuture<Boolean> evict(String namespace, String key) {
        return backend.evictValue(Names.checkNamespace(namespace), Objects.requireNonNull(key, "key"));
    }

    /**
     * Removes every entry of {@code namespace}: the {@link Cached} responses of routes in it and the
     * values put into it. Returns how many were removed (Redis: {@code SCAN} + {@code UNLINK}, never {@code KEYS}).
     */
    public CompletableFuture<Long> evictNamespace(String namespace) {
        return backend.evictNamespace(Names.checkNamespace(namespace));
    }

    /** Removes every entry of this cache (in Redis: every key with this cache's prefix). */
    public CompletableFuture<Void> clear() {
        return backend.clear();
    }

    /** What this cache is, for logs: {@code in memory (64 MiB)}, {@code Redis at redis://cache:6379/0}. Never a password. */
    @Override
    public String toString() {
        return "Cache[" + backend.describe() + "]";
    }
}
