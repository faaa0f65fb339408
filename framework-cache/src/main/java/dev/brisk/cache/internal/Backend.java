package dev.brisk.cache.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where a {@code Cache} keeps its entries. Route entries are addressed by namespace and the route's
 * canonical key; values of the Cache API by namespace and the caller's key. Reads of route entries
 * complete exceptionally when the backend is unavailable; callers then answer without it.
 */
public interface Backend {
    /** For logs: never a password. */
    String describe();

    /** The app started (counted: a backend shared by apps closes with the last). */
    void open();

    /** The app stopped. */
    void close();

    Clock clock();

    /** The largest entry stored, in bytes of body. */
    long maxEntrySize();

    /** True when {@link #readNow} answers (in memory); false when reads are I/O ({@link #read}). */
    boolean synchronous();

    /** The fresh entry, or null; only for {@link #synchronous()} backends. */
    Entry readNow(String namespace, String key);

    /** The fresh entry, or null; fails when the backend cannot be reached. */
    CompletableFuture<Entry> read(String namespace, String key);

    /** True while the backend is known to be unreachable: callers skip it without trying. */
    boolean unavailable();

    /** Stores {@code entry} until it expires; never throws; {@code done} runs once it is written or failed. */
    void write(String namespace, String key, Entry entry, Runnable done);

    CompletableFuture<Optional<byte[]>> getValue(String namespace, String key);

    CompletableFuture<Void> putValue(String namespace, String key, byte[] value, Duration ttl);

    CompletableFuture<Boolean> evictValue(String namespace, String key);

    CompletableFuture<Long> evictNamespace(String namespace);

    CompletableFuture<Void> clear();
}
