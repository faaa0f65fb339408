package dev.brisk.cache;

import dev.brisk.cache.internal.AppCache;
import dev.brisk.cache.internal.Clock;
import dev.brisk.cache.internal.MemoryBackend;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves; {@link #memoryCache()} is an in-memory cache on it (entries expire when the test says). */
final class ManualClock implements Clock {
    private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public long nanos() {
        return nanos.get();
    }

    void advance(Duration d) {
        millis.addAndGet(d.toMillis());
        nanos.addAndGet(d.toNanos());
    }

    Cache memoryCache() {
        return AppCache.wrap(new MemoryBackend(Cache.DEFAULT_MEMORY_BYTES, this));
    }
}
