package dev.brisk.cache.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.brisk.cache.internal.EntryCodec.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Entries in this JVM, on Caffeine: bounded by the bytes they hold (least recently and frequently
 * used evicted first), each expiring at its own time. Caffeine's upkeep runs on {@link #MAINTENANCE},
 * and a hit is looked up quietly, recorded in the policy only as often as {@link Entry#recordRead} says.
 */
public final class MemoryBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk.cache");

    /** A class, not a record: a record's hashCode is bootstrapped on first use, which can stall an event loop for a moment. */
    private static final class Key {
        final String namespace;
        final boolean value;
        final String key;
        private final int hash;

        Key(String namespace, boolean value, String key) {
            this.namespace = namespace;
            this.value = value;
            this.key = key;
            this.hash = (namespace.hashCode() * 31 + key.hashCode()) * 2 + (value ? 1 : 0);
        }

        String namespace() {
            return namespace;
        }

        String key() {
            return key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.value == value && k.key.equals(key) && k.namespace.equals(namespace);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * Caffeine's upkeep (draining its read buffers, expiring, evicting) on a thread of its own rather than
     * on the request's: done inline it took a quarter of an in-memory hit's time on the event loop. One
     * daemon thread for every cache, gone after a second without work; Caffeine schedules one drain at a
     * time per cache, so the queue stays short.
     */
    private static final ThreadPoolExecutor MAINTENANCE;

    static {
        MAINTENANCE = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            var t = new Thread(r, "brisk-cache-maintenance");
            t.setDaemon(true);
            t.setContextClassLoader(MemoryBackend.class.getClassLoader());   // never a dev-mode generation's
            return t;
        });
        MAINTENANCE.allowCoreThreadTimeOut(true);
    }

    private final long maxBytes;
    private final Clock clock;
    private final com.github.benmanes.caffeine.cache.Cache<Key, Object> cache;
    private int opens;

    public MemoryBackend(long maxBytes) {
        this(maxBytes, Clock.SYSTEM);
    }

    public MemoryBackend(long maxBytes, Clock clock) {
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Object v) -> 2 * k.key().length() + (v instanceof Entry e ? e.weight() : ((Value) v).weight()))
                .expireAfter(new Expiry<Key, Object>() {
                    @Override
                    public long expireAfterCreate(Key key, Object value, long currentTime) {
                        long ms = (value instanceof Entry e ? e.expiresAt : ((Value) value).expiresAt()) - clock.millis();
                        return Math.max(0, Math.multiplyExact(Math.min(ms, Long.MAX_VALUE / 2_000_000), 1_000_000L));
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Object value, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(Key key, Object value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .ticker(clock::nanos)
                .executor(MAINTENANCE)
                .build();
    }

    @Override
    public String describe() {
        return "in memory, up to " + (maxBytes >= 1 << 20 && maxBytes % (1 << 20) == 0 ? (maxBytes >> 20) + " MiB" : maxBytes + " bytes");
    }

    @Override
    public synchronized void open() {
        if (opens++ == 0) LOG.info("Cache: {}", describe());
    }

    @Override
    public synchronized void close() {
        if (opens > 0 && --opens == 0) cache.invalidateAll();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public long maxEntrySize() {
        return maxBytes / 16;
    }

    @Override
    public boolean synchronous() {
        return true;
    }

    @Override
    public Entry readNow(String namespace, String key) {
        var k = new Key(namespace, false, key);
        Object v = cache.policy().getIfPresentQuietly(k);
        if (!(v instanceof Entry e)) return null;
        if (e.recordRead()) cache.getIfPresent(k);   // tells Caffeine's policy of this read
        return e.fresh(clock.millis()) ? e : null;
    }

    @Override
    public CompletableFuture<Entry> read(String namespace, String key) {
        return CompletableFuture.completedFuture(readNow(namespace, key));
    }

    @Override
    public boolean unavailable() {
        return false;
    }

    @Override
    public void write(String namespace, String key, Entry entry, Runnable done) {
        try {
            cache.put(new Key(namespace, false, key), entry);
        } finally {
            done.run();
        }
    }

    @Override
    public CompletableFuture<Optional<byte[]>> getValue(String namespace, String key) {
        Object v = cache.getIfPresent(new Key(namespace, true, key));
        return CompletableFuture.completedFuture(v instanceof Value val && clock.millis() < val.expiresAt()
                ? Optional.of(val.data().clone()) : Optional.empty());
    }

    @Override
    public CompletableFuture<Void> putValue(String namespace, String key, byte[] value, Duration ttl) {
        long now = clock.millis();
        cache.put(new Key(namespace, true, key), new Value(value, now, saturatedAdd(now, ttl)));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Boolean> evictValue(String namespace, String key) {
        return CompletableFuture.completedFuture(cache.asMap().remove(new Key(namespace, true, key)) != null);
    }

    @Override
    public CompletableFuture<Long> evictNamespace(String namespace) {
        long n = 0;
        for (var it = cache.asMap().keySet().iterator(); it.hasNext(); ) {
            if (it.next().namespace().equals(namespace)) {
                it.remove();
                n++;
            }
        }
        return CompletableFuture.completedFuture(n);
    }

    @Override
    public CompletableFuture<Void> clear() {
        cache.invalidateAll();
        return CompletableFuture.completedFuture(null);
    }

    static long saturatedAdd(long now, Duration ttl) {
        long ms;
        try {
            ms = ttl.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        long r = now + ms;
        return r < now ? Long.MAX_VALUE : r;
    }
}
