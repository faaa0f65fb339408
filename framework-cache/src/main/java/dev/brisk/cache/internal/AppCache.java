package dev.brisk.cache.internal;

import dev.brisk.cache.Cache;

import java.util.function.Function;
import java.util.function.Supplier;

/** An app's cache (kept in its state): the one its routes use, and their single-flight registry. */
public final class AppCache {
    private static volatile Function<Cache, Backend> backendOf;
    private static volatile Function<Backend, Cache> wrap;

    private final Supplier<Cache> supplier;
    private volatile Cache cache;
    final Flights flights = new Flights();

    AppCache(Supplier<Cache> supplier) {
        this.supplier = supplier;
    }

    /** Called once by {@link Cache}'s static initializer: how internal code reaches a cache's backend. */
    public static void installAccess(Function<Cache, Backend> backend, Function<Backend, Cache> wrapper) {
        backendOf = backend;
        wrap = wrapper;
    }

    /** The backend behind a cache. */
    public static Backend backend(Cache c) {
        return backendOf.apply(c);
    }

    /** A cache over {@code backend} (tests use it with a backend on a fake clock). */
    public static Cache wrap(Backend backend) {
        if (wrap == null) Cache.inMemory(1024);   // initialises Cache, which installs the access
        return wrap.apply(backend);
    }

    /** The app's cache: the provided one, or the in-memory default (made on first use). */
    public Cache cache() {
        var c = cache;
        if (c == null) {
            synchronized (this) {
                if (cache == null) cache = supplier.get();
                c = cache;
            }
        }
        return c;
    }

    Backend backend() {
        return backend(cache());
    }
}
