package dev.brisk.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A plain Redis client for tests to look at what the cache wrote. */
final class RedisKeys implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> conn;

    RedisKeys(String uri) {
        client = RedisClient.create(uri);
        conn = client.connect(ByteArrayCodec.INSTANCE);
    }

    List<String> keys(String pattern) {
        var out = new ArrayList<String>();
        ScanIterator.scan(conn.sync(), ScanArgs.Builder.matches(pattern).limit(1000))
                .forEachRemaining(k -> out.add(new String(k, StandardCharsets.UTF_8)));
        return out;
    }

    byte[] get(String key) {
        return conn.sync().get(key.getBytes(StandardCharsets.UTF_8));
    }

    void set(String key, byte[] value) {
        conn.sync().set(key.getBytes(StandardCharsets.UTF_8), value);
    }

    long pttl(String key) {
        return conn.sync().pttl(key.getBytes(StandardCharsets.UTF_8));
    }

    void flush() {
        conn.sync().flushall();
    }

    @Override
    public void close() {
        conn.close();
        client.shutdown();
    }
}
