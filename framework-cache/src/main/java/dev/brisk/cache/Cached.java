package dev.brisk.cache;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Caches a GET route's responses (on a router: each of its GET routes; a method's own annotation
 * wins). A hit skips the handler and the serialization; dependencies still run, so security checks
 * keep working. The entry's key is the namespace, the route template, the bound path and query
 * values (and those its dependencies read), the header and cookie parameters it declares, the
 * {@link #vary} headers, and a hash of the request's credentials when the route reads any.
 *
 * <pre>{@code
 * @Get("/items/{id}")
 * @Cached(ttl = "60s", namespace = "items")
 * public Item read(int id) { ... }
 * }</pre>
 *
 * <p>Only responses with one of the {@link #statuses} are stored, and never those that set a
 * cookie, say {@code Cache-Control: no-store} or {@code private}, stream, or switch protocols.
 * Responses carry {@code ETag}, {@code Cache-Control}, {@code Age} (hits), {@code Vary} and
 * {@code Cache-Status}; {@code If-None-Match} is answered with 304. See docs/caching.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Cached {
    /**
     * How long an entry stays fresh: {@code "500ms"}, {@code "30s"}, {@code "5m"}, {@code "2h"},
     * {@code "1d"}, combinations such as {@code "1m30s"}, or ISO-8601 ({@code "PT1M"}).
     */
    String ttl();

    /** The group of entries {@link Cache#evictNamespace} drops together: letters, digits, {@code . _ -}. */
    String namespace() default "default";

    /**
     * The parameters (wire or Java names) whose values make up the key; empty means all of the
     * route's path, query, header, cookie and body parameters. Credentials are always in the key.
     */
    String[] key() default {};

    /** Request headers that vary the response besides the header parameters the route declares. */
    String[] vary() default {};

    /** The statuses that are stored; each must be one HTTP lets caches store (200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501). */
    int[] statuses() default {200};

    /**
     * Response headers stored with the entry besides the built-in list ({@code Content-Type},
     * {@code Content-Language}, {@code Content-Disposition}, {@code Content-Location},
     * {@code Last-Modified}, {@code Link}); other headers are not replayed on a hit.
     */
    String[] storeHeaders() default {};

    /**
     * How long concurrent misses for one key wait for the first one's response before computing
     * their own (the first one runs the handler; the others get its answer).
     */
    String waitTimeout() default "30s";
}
