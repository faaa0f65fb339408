package dev.brisk.cache;

import dev.brisk.cache.internal.Names;
import io.lettuce.core.RedisURI;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how {@link Cache#redis(RedisOptions)} reaches Redis. Immutable: each setter returns a
 * new instance.
 *
 * <pre>{@code
 * Cache.redis(RedisOptions.of("rediss://cache.internal:6380/2")
 *         .keyPrefix("shop:")
 *         .commandTimeout(Duration.ofMillis(250))
 *         .trustedCertificates(Path.of("/etc/shop/redis-ca.pem")));
 * }</pre>
 *
 * <p>The URI is Redis's: {@code redis://[[user]:password@]host[:port][/database]}, {@code rediss://}
 * for TLS (the server's certificate is verified, against the JDK's trust store unless
 * {@link #trustedCertificates} names the CA). The password never appears in logs or in
 * {@link #toString()}.
 */
public final class RedisOptions {
    private final String uri;
    private final RedisURI parsed;
    private final Duration connectTimeout;
    private final Duration commandTimeout;
    private final Duration maxReconnectDelay;
    private final String keyPrefix;
    private final long maxValueSize;
    private final Path trustedCertificates;
    private final Path clientCertificate;
    private final Path clientKey;

    private RedisOptions(String uri, RedisURI parsed, Duration connectTimeout, Duration commandTimeout, Duration maxReconnectDelay,
                         String keyPrefix, long maxValueSize, Path trustedCertificates, Path clientCertificate, Path clientKey) {
        this.uri = uri;
        this.parsed = parsed;
        this.connectTimeout = connectTimeout;
        this.commandTimeout = commandTimeout;
        this.maxReconnectDelay = maxReconnectDelay;
        this.keyPrefix = keyPrefix;
        this.maxValueSize = maxValueSize;
        this.trustedCertificates = trustedCertificates;
        this.clientCertificate = clientCertificate;
        this.clientKey = clientKey;
    }

    /**
     * Options for the Redis at {@code uri}, with the defaults: connect timeout 2 s, command timeout
     * 1 s, reconnect attempts at most 2 s apart, key prefix {@code "brisk:"}, values up to 4 MiB.
     *
     * @throws IllegalArgumentException when {@code uri} is not a {@code redis://} or {@code rediss://} URI
     */
    public static RedisOptions of(String uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.contains("://") ? uri.substring(0, uri.indexOf("://")) : "";
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("a Redis URI starts with redis:// or rediss:// (TLS): " + Names.redact(uri));
        }
        RedisURI parsed;
        try {
            parsed = RedisURI.create(uri);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid Redis URI: " + Names.redact(uri) + " (" + e.getMessage() + ")", e);
        }
        if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
            throw new IllegalArgumentException("the Redis URI names no host: " + Names.redact(uri));
        }
        return new RedisOptions(uri, parsed, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), "brisk:",
                4L << 20, null, null, null);
    }

    /** How long connecting may take (default 2 s); requests meanwhile are answered without the cache. */
    public RedisOptions connectTimeout(Duration timeout) {
        return new RedisOptions(uri, parsed, positive(timeout, "connectTimeout"), commandTimeout, maxReconnectDelay, keyPrefix,
                maxValueSize, trustedCertificates, clientCertificate, clientKey);
    }

    /** How long one command may take (default 1 s); a slower one counts as Redis being unavailable. */
    public RedisOptions commandTimeout(Duration timeout) {
        return new RedisOptions(uri, parsed, connectTimeout, positive(timeout, "commandTimeout"), maxReconnectDelay, keyPrefix,
                maxValueSize, trustedCertificates, clientCertificate, clientKey);
    }

    /** The longest pause between reconnection attempts after Redis went away (default 2 s). */
    public RedisOptions maxReconnectDelay(Duration delay) {
        return new RedisOptions(uri, parsed, connectTimeout, commandTimeout, positive(delay, "maxReconnectDelay"), keyPrefix,
                maxValueSize, trustedCertificates, clientCertificate, clientKey);
    }

    /**
     * The prefix of every key this cache writes (default {@code "brisk:"}); apps that share a Redis
     * but not their entries need different prefixes. Letters, digits and {@code . _ - : /}.
     */
    public RedisOptions keyPrefix(String prefix) {
        return new RedisOptions(uri, parsed, connectTimeout, commandTimeout, maxReconnectDelay, Names.checkPrefix(prefix),
                maxValueSize, trustedCertificates, clientCertificate, clientKey);
    }

    /** The largest value stored, in bytes (default 4 MiB); larger responses are served but not stored. */
    public RedisOptions maxValueSize(long bytes) {
        if (bytes < 1 || bytes > 512L << 20) throw new IllegalArgumentException("maxValueSize must be 1 byte to 512 MiB: " + bytes);
        return new RedisOptions(uri, parsed, connectTimeout, commandTimeout, maxReconnectDelay, keyPrefix, bytes,
                trustedCertificates, clientCertificate, clientKey);
    }

    /** For {@code rediss://}: the PEM file of the CA certificates the server's certificate is checked against. */
    public RedisOptions trustedCertificates(Path pemFile) {
        return new RedisOptions(uri, parsed, connectTimeout, commandTimeout, maxReconnectDelay, keyPrefix, maxValueSize,
                readable(pemFile, "trustedCertificates"), clientCertificate, clientKey);
    }

    /** For {@code rediss://} with client authentication: the client's certificate chain and its (unencrypted PKCS#8) key, both PEM. */
    public RedisOptions clientCertificate(Path certificateChain, Path privateKey) {
        return new RedisOptions(uri, parsed, connectTimeout, commandTimeout, maxReconnectDelay, keyPrefix, maxValueSize,
                trustedCertificates, readable(certificateChain, "clientCertificate"), readable(privateKey, "clientCertificate key"));
    }

    /** Whether the URI asks for TLS ({@code rediss://}). */
    public boolean tls() {
        return parsed.isSsl();
    }

    /** The URI with any password left out, as logged: {@code redis://cache:6379/0}. */
    public String location() {
        return (parsed.isSsl() ? "rediss://" : "redis://") + hostPort() + "/" + parsed.getDatabase();
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    public Duration maxReconnectDelay() {
        return maxReconnectDelay;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public long maxValueSize() {
        return maxValueSize;
    }

    public Optional<Path> trustedCertificates() {
        return Optional.ofNullable(trustedCertificates);
    }

    /** The client certificate chain, when one was set with {@link #clientCertificate}. */
    public Optional<Path> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    /** The client key, when one was set with {@link #clientCertificate}. */
    public Optional<Path> clientKey() {
        return Optional.ofNullable(clientKey);
    }

    /** The parsed URI (for the backend). */
    RedisURI redisUri() {
        return parsed;
    }

    private String hostPort() {
        String host = parsed.getHost();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + parsed.getPort();
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be > 0: " + d);
        return d;
    }

    private static Path readable(Path p, String what) {
        Objects.requireNonNull(p, what);
        if (!Files.isReadable(p)) throw new IllegalArgumentException(what + ": cannot read " + p);
        return p;
    }

    @Override
    public String toString() {
        return "RedisOptions[" + location() + ", prefix \"" + keyPrefix + "\"]";
    }
}
