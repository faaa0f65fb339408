package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.HttpException;
import dev.brisk.Response;
import dev.brisk.Router;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only responses with a listed status (200 by default) are stored, and never one that sets a
 * cookie, says no-store or private, or varies on a header the key does not hold.
 */
class StorableResponsesTest {
    @Router(prefix = "/s")
    @Cached(ttl = "60s")
    public static final class Routes {
        int calls;

        @Get("/cookie")
        public String cookie(Response response) {
            response.cookie("session", "s" + ++calls);
            return "with a cookie " + calls;
        }

        @Get("/no-store")
        public Response noStore() {
            return Response.text("no-store " + ++calls).header("Cache-Control", "no-store");
        }

        @Get("/private")
        public Response privately() {
            return Response.text("private " + ++calls).header("Cache-Control", "private, max-age=5");
        }

        @Get("/missing")
        public String missing() {
            calls++;
            throw new HttpException(404, "Item not found");
        }

        @Get("/created")
        public Response created() {
            return Response.json(201, "created " + ++calls);
        }

        @Get("/vary-other")
        public Response varyOther() {
            return Response.text("varies " + ++calls).header("Vary", "Accept-Language");
        }

        @Get("/vary-known")
        public Response varyKnown(@Header("Accept-Language") Optional<String> lang) {
            return Response.text("varies on a key header " + ++calls).header("Vary", "accept-language");
        }

        @Get("/gzip")
        public Response gzipped() {
            return Response.bytes(new byte[] {31, -117, 8, 0}, "application/octet-stream").header("Content-Encoding", "gzip");
        }

        @Get("/headers")
        public Response headers() {
            return Response.text("with headers " + ++calls).header("Content-Language", "en").header("X-Trace", "t" + calls)
                    .header("X-Total-Count", "42").header("Cache-Control", "public, max-age=5").header("ETag", "\"mine\"");
        }

        @Get("/store-header")
        @Cached(ttl = "60s", storeHeaders = "X-Total-Count")
        public Response storeHeader() {
            return Response.text("counted " + ++calls).header("X-Total-Count", "42").header("X-Trace", "t" + calls);
        }

        @Get("/not-found-cached")
        @Cached(ttl = "60s", statuses = {200, 404})
        public String notFoundCached() {
            calls++;
            throw new HttpException(404, "Item not found");
        }
    }

    private final Routes routes = new Routes();
    private final App app = App.builder().include(routes).build();

    private void assertNotStored(String path, String detail) {
        try (var c = TestClient.of(app)) {
            var first = c.get(path);
            var second = c.get(path);
            assertThat(second.header("Cache-Status")).as(path).isEqualTo("Brisk; fwd=uri-miss; detail=" + detail);
            assertThat(first.header("ETag")).as(path).isNull();
            assertThat(routes.calls).as(path).isEqualTo(2);
        }
        routes.calls = 0;
    }

    @Test
    void responsesThatSetCookiesAreNotStored() {
        assertNotStored("/s/cookie", "set-cookie");
    }

    @Test
    void noStoreAndPrivateResponsesAreNotStoredAndKeepTheirCacheControl() {
        assertNotStored("/s/no-store", "no-store");
        assertNotStored("/s/private", "private");
        try (var c = TestClient.of(app)) {
            assertThat(c.get("/s/private").header("Cache-Control")).isEqualTo("private, max-age=5");
        }
    }

    @Test
    void otherStatusesAreNotStoredByDefault() {
        assertNotStored("/s/missing", "status");
        assertNotStored("/s/created", "status");
        try (var c = TestClient.of(app)) {
            var r = c.get("/s/missing");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("detail").asText()).isEqualTo("Item not found");
        }
    }

    @Test
    void listedStatusesAreStored() {
        try (var c = TestClient.of(app)) {
            c.get("/s/not-found-cached");
            var hit = c.get("/s/not-found-cached");
            assertThat(hit.status()).isEqualTo(404);
            assertThat(hit.header("Cache-Status")).startsWith("Brisk; hit");
            assertThat(hit.json().get("detail").asText()).isEqualTo("Item not found");
            assertThat(routes.calls).isEqualTo(1);
        }
    }

    @Test
    void aVaryOnAHeaderOutsideTheKeyIsNotStoredOneInsideIs() {
        assertNotStored("/s/vary-other", "vary");
        try (var c = TestClient.of(app)) {
            c.get("/s/vary-known");
            var hit = c.get("/s/vary-known");
            assertThat(hit.header("Cache-Status")).startsWith("Brisk; hit");
            assertThat(hit.header("Vary")).isEqualTo("Accept-Language");
        }
    }

    @Test
    void anEncodedBodyIsNotStoredUnlessTheKeyHoldsAcceptEncoding() {
        try (var c = TestClient.of(app)) {
            c.get("/s/gzip");
            assertThat(c.get("/s/gzip").header("Cache-Status")).isEqualTo("Brisk; fwd=uri-miss; detail=content-encoding");
        }
    }

    @Test
    void aHitReplaysOnlyTheAllowListedHeadersAndTheCacheSetsItsOwnValidators() {
        try (var c = TestClient.of(app)) {
            var miss = c.get("/s/headers");
            assertThat(miss.header("X-Trace")).isEqualTo("t1");
            assertThat(miss.header("Cache-Control")).isEqualTo("max-age=60");
            assertThat(miss.header("ETag")).isNotEqualTo("\"mine\"");
            var hit = c.get("/s/headers");
            assertThat(hit.header("Cache-Status")).startsWith("Brisk; hit");
            assertThat(hit.header("Content-Language")).isEqualTo("en");
            assertThat(hit.header("X-Trace")).isNull();
            assertThat(hit.header("X-Total-Count")).isNull();
            assertThat(hit.header("ETag")).isEqualTo(miss.header("ETag"));

            c.get("/s/store-header");
            var stored = c.get("/s/store-header");
            assertThat(stored.header("X-Total-Count")).isEqualTo("42");
            assertThat(stored.header("X-Trace")).isNull();
        }
    }
}
