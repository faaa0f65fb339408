package dev.brisk.cache;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code If-None-Match} on cached routes: lists, weak comparison and {@code *}, answered with 304 on a hit and on a fresh miss. */
class ConditionalRequestTest {
    public static final class Doc {
        int calls;

        @Get("/doc")
        @Cached(ttl = "2m")
        public String doc(@Header("Accept-Language") Optional<String> lang) {
            calls++;
            return "the document";
        }
    }

    private final Doc doc = new Doc();
    private final App app = App.builder().include(doc).build();

    private static TestResponse get(TestClient c, String inm) {
        return c.request("GET", "/doc").header("If-None-Match", inm).send();
    }

    private static void assertNotModified(TestResponse r, String etag) {
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.bytes()).isEmpty();
        assertThat(r.header("ETag")).isEqualTo(etag);
        assertThat(r.header("Cache-Control")).isEqualTo("max-age=120");
        assertThat(r.header("Vary")).isEqualTo("Accept-Language");
        assertThat(r.header("Content-Type")).isNull();
    }

    @Test
    void theCurrentEtagGets304OnAHit() {
        try (var c = TestClient.of(app)) {
            String etag = c.get("/doc").header("ETag");
            var r = get(c, etag);
            assertNotModified(r, etag);
            assertThat(r.header("Cache-Status")).startsWith("Brisk; hit");
            assertThat(r.header("Age")).isEqualTo("0");
        }
    }

    @Test
    void aListWeakTagsAndStarMatch() {
        try (var c = TestClient.of(app)) {
            String etag = c.get("/doc").header("ETag");
            assertNotModified(get(c, "\"other\", " + etag), etag);
            assertNotModified(get(c, "W/" + etag), etag);
            assertNotModified(get(c, "\"a\",W/\"b\" ,  " + etag + " "), etag);
            assertNotModified(get(c, "*"), etag);
        }
    }

    @Test
    void aFreshMissAnswers304WhenTheNewTagMatches() {
        String etag;
        try (var c = TestClient.of(app)) {
            etag = c.get("/doc").header("ETag");
        }
        // a new server (its cache empty): the first request is a miss, computed, and still 304
        try (var c = TestClient.of(App.builder().include(new Doc()).build())) {
            var r = get(c, etag);
            assertNotModified(r, etag);
            assertThat(r.header("Cache-Status")).isEqualTo("Brisk; fwd=uri-miss; stored");
            assertThat(c.get("/doc").status()).isEqualTo(200);
            assertThat(c.get("/doc").header("Cache-Status")).startsWith("Brisk; hit");
        }
    }

    @Test
    void starOnAFreshMissIs304() {
        try (var c = TestClient.of(app)) {
            var r = get(c, "*");
            assertThat(r.status()).isEqualTo(304);
            assertThat(r.header("Cache-Status")).contains("stored");
        }
    }

    @Test
    void otherTagsAndGarbageGetTheFullResponse() {
        try (var c = TestClient.of(app)) {
            String etag = c.get("/doc").header("ETag");
            for (String inm : new String[] {"\"nope\"", "nope", "W/", "\"", "\"" + etag, "x" + etag, ",,,", "W/\"x\", garbage",
                    etag.substring(0, etag.length() - 1), "\u00ff\u00fe"}) {
                var r = get(c, inm);
                assertThat(r.status()).as(inm).isEqualTo(200);
                assertThat(r.text()).isEqualTo("the document");
            }
            assertThat(doc.calls).isEqualTo(1);
        }
    }

    @Test
    void headWithAMatchingTagIs304Too() {
        try (var c = TestClient.of(app)) {
            String etag = c.get("/doc").header("ETag");
            var r = c.request("HEAD", "/doc").header("If-None-Match", etag).send();
            assertThat(r.status()).isEqualTo(304);
        }
    }
}
