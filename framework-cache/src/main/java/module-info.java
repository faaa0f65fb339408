/**
 * Response caching for Brisk: {@code @Cached} routes and a programmatic {@code Cache}, in memory
 * (Caffeine) or in Redis (Lettuce).
 */
@SuppressWarnings({"module", "requires-automatic"})   // Brisk modules compiled after this one; Lettuce has no module-info
module dev.brisk.cache {
    requires transitive dev.brisk;
    requires com.github.benmanes.caffeine;
    requires lettuce.core;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires org.slf4j;

    exports dev.brisk.cache;

    provides dev.brisk.internal.spi.Extension with dev.brisk.cache.internal.CacheExtension;
}
