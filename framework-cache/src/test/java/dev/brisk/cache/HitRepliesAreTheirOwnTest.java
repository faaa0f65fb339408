package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.GZip;
import dev.brisk.Get;
import dev.brisk.Middleware;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hit shares its entry's headers and body with the other hits: a middleware that changes one
 * hit's headers or reads (compresses) its body changes that response only, and the next hit is
 * the entry as stored.
 */
class HitRepliesAreTheirOwnTest {
    public static final class Pages {
        @Get("/page")
        @Cached(ttl = "60s")
        public String page() {
            return "x".repeat(2000);
        }
    }

    @Test
    void aMiddlewareChangesOneHitOnly() {
        var seen = new AtomicInteger();
        Middleware tag = (request, next) -> next.proceed().thenApply(r -> r
                .header("X-Seen", Integer.toString(seen.incrementAndGet()))
                .setHeader("Cache-Control", "no-transform, max-age=1")
                .removeHeader("Age"));
        var app = App.builder().middleware(tag).include(new Pages()).build();
        try (var c = TestClient.of(app)) {
            c.get("/page");
            for (int i = 2; i <= 5; i++) {
                var hit = c.get("/page");
                assertThat(hit.header("Cache-Status")).startsWith("Brisk; hit");
                assertThat(hit.headers().get("x-seen")).containsExactly(Integer.toString(i));
                assertThat(hit.headers().get("cache-control")).containsExactly("no-transform, max-age=1");
                assertThat(hit.header("Age")).isNull();
                assertThat(hit.header("ETag")).isNotNull();
                assertThat(hit.text()).hasSize(2000);
            }
        }
    }

    @Test
    void compressingAHitLeavesTheStoredBodyWhole() throws Exception {
        var app = App.builder().middleware(GZip.minimumSize(100)).include(new Pages()).build();
        try (var c = TestClient.of(app)) {
            c.get("/page");
            for (int i = 0; i < 3; i++) {
                var zipped = c.request("GET", "/page").header("Accept-Encoding", "gzip").send();
                assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
                assertThat(zipped.header("Cache-Status")).startsWith("Brisk; hit");
                try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.bytes()))) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("x".repeat(2000));
                }
                var plain = c.get("/page");
                assertThat(plain.header("Content-Encoding")).isNull();
                assertThat(plain.text()).isEqualTo("x".repeat(2000));
            }
        }
    }
}
