package dev.brisk.it.files;

import dev.brisk.App;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9110 section 13: If-None-Match (lists, weak comparison, *) before If-Modified-Since; If-Match and If-Unmodified-Since. */
class ConditionalRequestsTest {
    static final String BEFORE = "Mon, 06 May 2024 07:08:08 GMT";
    static final String AT = "Mon, 06 May 2024 07:08:09 GMT";
    static final String AFTER = "Mon, 06 May 2024 07:08:10 GMT";

    @TempDir
    static Path dir;
    static TestClient client;
    static String etag;

    @BeforeAll
    static void start() {
        client = TestClient.of(App.builder().include(new FileRoutes(dir)).build());
        etag = client.get("/data").header("ETag");
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static TestResponse get(String header, String value) {
        return client.request("GET", "/data").header(header, value).send();
    }

    @Test
    void aMatchingIfNoneMatchIs304WithValidators() {
        var r = get("If-None-Match", etag);
        assertThat(r).hasStatus(304).hasHeader("ETag", etag).hasHeader("Last-Modified", AT);
        assertThat(r.bytes()).isEmpty();
    }

    @Test
    void ifNoneMatchComparesWeaklyAndReadsLists() {
        assertThat(get("If-None-Match", "W/" + etag)).hasStatus(304);
        assertThat(get("If-None-Match", "\"other\", W/\"x\" ,  " + etag)).hasStatus(304);
        assertThat(get("If-None-Match", "*")).hasStatus(304);
        assertThat(get("If-None-Match", "\"other\"")).hasStatus(200);
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        // RFC 9110 13.1.3: If-Modified-Since is ignored when If-None-Match is present.
        var r = client.request("GET", "/data").header("If-None-Match", "\"other\"").header("If-Modified-Since", AFTER).send();
        assertThat(r).hasStatus(200);
        assertThat(r.bytes()).hasSize(100);
    }

    @Test
    void ifModifiedSinceIs304UnlessModifiedLater() {
        assertThat(get("If-Modified-Since", AT)).hasStatus(304);
        assertThat(get("If-Modified-Since", AFTER)).hasStatus(304);
        assertThat(get("If-Modified-Since", BEFORE)).hasStatus(200);
        assertThat(get("If-Modified-Since", "Monday, 06-May-24 07:08:09 GMT")).hasStatus(304);   // RFC 850
        assertThat(get("If-Modified-Since", "Mon May  6 07:08:09 2024")).hasStatus(304);         // asctime
        assertThat(get("If-Modified-Since", "not a date")).hasStatus(200);
    }

    @Test
    void aFutureIfModifiedSinceIsIgnored() {
        assertThat(get("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT")).hasStatus(200);
    }

    @Test
    void headIsConditionalToo() {
        assertThat(client.request("HEAD", "/data").header("If-None-Match", etag).send()).hasStatus(304);
    }

    @Test
    void aFailedIfMatchIs412() {
        assertThat(get("If-Match", "\"other\"")).hasStatus(412).hasJsonBody("{\"detail\":\"Precondition Failed\"}");
        assertThat(get("If-Match", etag)).hasStatus(200);
        assertThat(get("If-Match", "*")).hasStatus(200);
        assertThat(get("If-Match", "W/" + etag)).hasStatus(412);   // strong comparison
    }

    @Test
    void aFailedIfUnmodifiedSinceIs412() {
        assertThat(get("If-Unmodified-Since", BEFORE)).hasStatus(412);
        assertThat(get("If-Unmodified-Since", AT)).hasStatus(200);
    }

    @Test
    void ifMatchWinsOverIfUnmodifiedSince() {
        var r = client.request("GET", "/data").header("If-Match", etag).header("If-Unmodified-Since", BEFORE).send();
        assertThat(r).hasStatus(200);
    }

    @Test
    void aMatchingIfNoneMatchOnPostIs412() {
        assertThat(client.request("POST", "/data").header("If-None-Match", "*").send()).hasStatus(412);
    }

    @Test
    void theFirstConditionWins() {
        // If-Match fails first: 412 even though If-None-Match would give 304.
        var r = client.request("GET", "/data").header("If-Match", "\"other\"").header("If-None-Match", etag).send();
        assertThat(r).hasStatus(412);
    }

    @Test
    void aMalformedTagListChangesNothing() {
        assertThat(get("If-None-Match", "no-quotes")).hasStatus(200);
        assertThat(get("If-Match", "no-quotes")).hasStatus(200);
    }
}
