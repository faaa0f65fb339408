package dev.brisk.cache.internal;

import dev.brisk.cache.RedisOptions;
import dev.brisk.cache.internal.EntryCodec.Value;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Entries in Redis through one Lettuce connection (commands are pipelined on it). It connects on
 * first use; while Redis cannot be reached, reads fail at once (commands are rejected rather than
 * queued) so requests go on without the cache, a new connection is tried at most once a second, and
 * a broken connection reconnects by itself. Lettuce runs on threads of its own (two I/O, two for
 * timers: its minimum; the one connection uses one I/O thread): Brisk's event loops belong to one server each (and to the in-VM transport in tests),
 * while the connection belongs to the cache, which outlives servers and may be shared by apps.
 */
public final class RedisBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk.cache");
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int QUEUE_LIMIT = 16_384;
    private static final int SCAN_BATCH = 500;

    private final RedisOptions options;
    private final RedisURI uri;
    private final String location;
    private final byte[] prefix;
    private final Outage outage;
    private final Clock clock = Clock.SYSTEM;

    private int opens;
    private ClientResources resources;
    private RedisClient client;
    private CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connecting;
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile long retryAt;

    public RedisBackend(RedisOptions options, RedisURI uri) {
        this.options = options;
        this.uri = RedisURI.builder(uri).withTimeout(options.commandTimeout()).build();
        this.location = options.location();
        this.prefix = options.keyPrefix().getBytes(StandardCharsets.UTF_8);
        this.outage = new Outage(LOG, "Redis at " + location);
    }

    @Override
    public String describe() {
        return "Redis at " + location + ", key prefix \"" + options.keyPrefix() + "\"";
    }

    @Override
    public synchronized void open() {
        if (opens++ == 0) {
            ensureClient();   // Lettuce's start-up (threads, class loading) at app startup, not on a request's thread
            LOG.info("Cache: {} (connects on first use)", describe());
        }
    }

    private synchronized void ensureClient() {
        if (client != null) return;
        resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)            // Lettuce's minimum; one connection uses one of them
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), options.maxReconnectDelay(), 2, TimeUnit.MILLISECONDS))
                .build();
        client = RedisClient.create(resources);
        client.setOptions(clientOptions());
    }

    @Override
    public void close() {
        StatefulRedisConnection<byte[], byte[]> c;
        RedisClient cl;
        ClientResources res;
        synchronized (this) {
            if (opens == 0 || --opens > 0) return;
            c = connection;
            cl = client;
            res = resources;
            connection = null;
            connecting = null;
            client = null;
            resources = null;
        }
        try {
            if (c != null) c.close();
            if (cl != null) cl.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            if (res != null) res.shutdown(0, 2, TimeUnit.SECONDS).await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("Cache: closing {} failed", location, e);
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public long maxEntrySize() {
        return options.maxValueSize();
    }

    @Override
    public boolean synchronous() {
        return false;
    }

    @Override
    public Entry readNow(String namespace, String key) {
        throw new UnsupportedOperationException("Redis reads are asynchronous");
    }

    @Override
    public boolean unavailable() {
        var c = connection;
        return c != null ? !c.isOpen() : System.nanoTime() - retryAt < 0;
    }

    // ------------------------------------------------------------------------------------ the connection

    /**
     * Runs {@code op} on the connection: at once when connected, after connecting when the first
     * attempt is under way; fails at once while Redis is known to be unreachable.
     */
    private <T> CompletableFuture<T> withCommands(java.util.function.Function<RedisAsyncCommands<byte[], byte[]>, java.util.concurrent.CompletionStage<T>> op) {
        var c = connection;
        if (c != null) {
            if (!c.isOpen()) return CompletableFuture.failedFuture(new IllegalStateException("not connected to Redis at " + location + " (reconnecting)"));
            return op.apply(c.async()).toCompletableFuture();
        }
        var f = connect();
        if (f == null) return CompletableFuture.failedFuture(new IllegalStateException("Redis at " + location + " is unavailable (next attempt within a second)"));
        // a request waits for the first connection no longer than the connect timeout (a TLS handshake may take longer)
        return f.copy().orTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS).thenCompose(conn -> op.apply(conn.async()));
    }

    /** Starts connecting unless a connection exists, an attempt is under way, or the last one failed less than a second ago. */
    private synchronized CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connect() {
        if (connection != null) return CompletableFuture.completedFuture(connection);
        if (connecting != null) return connecting;
        if (System.nanoTime() - retryAt < 0) return null;
        ensureClient();
        LOG.info("Cache: connecting to Redis at {}", location);
        var attempt = client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture();
        var thisClient = client;
        connecting = attempt;
        attempt.whenComplete((conn, t) -> connected(thisClient, attempt, conn, t));
        return attempt;
    }

    private void connected(RedisClient forClient, CompletableFuture<?> attempt, StatefulRedisConnection<byte[], byte[]> conn, Throwable t) {
        boolean stale;
        synchronized (this) {
            stale = client != forClient || connecting != attempt;
            if (!stale) {
                connecting = null;
                if (t == null) {
                    connection = conn;
                } else {
                    retryAt = System.nanoTime() + RETRY_NANOS;
                }
            }
        }
        if (stale) {
            if (conn != null) conn.closeAsync();   // the cache was closed meanwhile
            return;
        }
        if (t == null) {
            LOG.info("Cache: connected to Redis at {}", location);
            outage.success();
        } else {
            outage.failure(t);
        }
    }

    private ClientOptions clientOptions() {
        var b = ClientOptions.builder()
                .autoReconnect(true)
                // fail at once while disconnected: a request must not wait for Redis to come back
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(QUEUE_LIMIT)
                .socketOptions(SocketOptions.builder().connectTimeout(options.connectTimeout()).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()));
        if (options.tls()) {
            var ssl = SslOptions.builder().jdkSslProvider().handshakeTimeout(options.connectTimeout());
            options.trustedCertificates().ifPresent(p -> ssl.trustManager(p.toFile()));
            if (options.clientCertificate().isPresent()) {
                ssl.keyManager(options.clientCertificate().get().toFile(), options.clientKey().orElseThrow().toFile(), null);
            }
            b.sslOptions(ssl.build());
        }
        return b.build();
    }

    // ------------------------------------------------------------------------------------ route entries

    @Override
    public CompletableFuture<Entry> read(String namespace, String key) {
        byte[] k = routeKey(namespace, key);
        return withCommands(c -> c.get(k)).handle((bytes, t) -> {
            if (t != null) {
                outage.failure(t);
                throw t instanceof java.util.concurrent.CompletionException ce ? ce : new java.util.concurrent.CompletionException(t);
            }
            outage.success();
            if (bytes == null) return null;
            Entry e = EntryCodec.decodeEntry(bytes);
            return e != null && e.fresh(clock.millis()) ? e : null;
        });
    }

    @Override
    public void write(String namespace, String key, Entry entry, Runnable done) {
        long ttl = entry.expiresAt - clock.millis();
        if (ttl <= 0) {
            done.run();
            return;
        }
        byte[] k = routeKey(namespace, key);
        byte[] v = EntryCodec.encode(entry);
        withCommands(c -> c.set(k, v, SetArgs.Builder.px(ttl))).whenComplete((ok, t) -> {
            if (t != null) outage.failure(t);
            done.run();
        });
    }

    // ------------------------------------------------------------------------------------ the Cache API

    @Override
    public CompletableFuture<Optional<byte[]>> getValue(String namespace, String key) {
        return withCommands(c -> c.get(valueKey(namespace, key))).thenApply(bytes -> {
            Value v = bytes == null ? null : EntryCodec.decodeValue(bytes);
            return v != null && clock.millis() < v.expiresAt() ? Optional.of(v.data()) : Optional.<byte[]>empty();
        });
    }

    @Override
    public CompletableFuture<Void> putValue(String namespace, String key, byte[] value, Duration ttl) {
        long now = clock.millis();
        var v = new Value(value, now, MemoryBackend.saturatedAdd(now, ttl));
        return withCommands(c -> c.set(valueKey(namespace, key), EntryCodec.encode(v), SetArgs.Builder.px(ttl))).thenApply(ok -> null);
    }

    @Override
    public CompletableFuture<Boolean> evictValue(String namespace, String key) {
        return withCommands(c -> c.unlink(valueKey(namespace, key))).thenApply(n -> n != null && n > 0);
    }

    @Override
    public CompletableFuture<Long> evictNamespace(String namespace) {
        return unlinkMatching(concat(prefix, (namespace + ":*").getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public CompletableFuture<Void> clear() {
        return unlinkMatching(concat(prefix, new byte[] {'*'})).thenApply(n -> null);
    }

    /** SCAN with a pattern, UNLINK each batch (never KEYS: it blocks Redis for the whole key space). */
    private CompletableFuture<Long> unlinkMatching(byte[] pattern) {
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(SCAN_BATCH);
        return withCommands(c -> scanFrom(c, ScanCursor.INITIAL, args, 0L));
    }

    private CompletableFuture<Long> scanFrom(RedisAsyncCommands<byte[], byte[]> c, ScanCursor cursor, ScanArgs args, long removed) {
        return c.scan(cursor, args).toCompletableFuture().thenCompose((KeyScanCursor<byte[]> page) -> {
            CompletableFuture<Long> unlinked = page.getKeys().isEmpty() ? CompletableFuture.completedFuture(0L)
                    : c.unlink(page.getKeys().toArray(new byte[0][])).toCompletableFuture();
            return unlinked.thenCompose(n -> page.isFinished() ? CompletableFuture.completedFuture(removed + n)
                    : scanFrom(c, page, args, removed + n));
        });
    }

    // ------------------------------------------------------------------------------------ keys

    /** {@code <prefix><namespace>:r:<SHA-256 of the canonical key>}: fixed length, and no request value in clear. */
    byte[] routeKey(String namespace, String key) {
        return concat(prefix, (namespace + ":r:" + Hashing.sha256Url(key)).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code <prefix><namespace>:v:<key>}. */
    byte[] valueKey(String namespace, String key) {
        return concat(prefix, (namespace + ":v:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
