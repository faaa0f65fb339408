package dev.brisk.examples.tour;

import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tour's routes and the middleware on them. Requests name a host the tour trusts
 * ({@code http://localhost/...}), as a browser would: the TestClient's default host,
 * {@code testserver}, is not one of them.
 */
class TourAppTest {
    static final String ORIGIN = TourApp.FRONT_END;
    static final String UUID4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    TestClient client;

    @BeforeEach
    void start() {
        client = TestClient.of(TourApp.app(), TestClient.Options.defaults().raiseServerExceptions(false));   // a fresh task log per test
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private static String url(String path) {
        return "http://localhost" + path;
    }

    private TestResponse get(String path, String... headers) {
        var r = client.request("GET", url(path));
        for (int i = 0; i < headers.length; i += 2) r.header(headers[i], headers[i + 1]);
        return r.send();
    }

    @Test
    void smallIsASmallJsonObjectSentUncompressed() {
        var r = get("/tour/small", "Accept-Encoding", "gzip");
        assertThat(r).hasStatus(200).hasJsonBody("{\"message\":\"Welcome to the Brisk tour\",\"docs\":\"/docs\"}")
                .doesNotHaveHeader("Content-Encoding").hasHeader("Vary", "Accept-Encoding, Origin");
        assertThat(r.header("X-Request-ID")).matches(UUID4);
    }

    @Test
    void bigIs200ItemsCompressedWhenAccepted() throws IOException {
        var plain = get("/tour/big");
        assertThat(plain).hasStatus(200).doesNotHaveHeader("Content-Encoding");
        var items = plain.json();
        assertThat(items).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(items.get(i).get("id").asInt()).isEqualTo(i);
            assertThat(items.get(i).get("name").asText()).isEqualTo("item-" + i);
        }
        var gz = get("/tour/big", "Accept-Encoding", "gzip, deflate");
        assertThat(gz).hasStatus(200).hasHeader("Content-Encoding", "gzip").hasHeader("Vary", "Accept-Encoding, Origin");
        assertThat(gz.bytes().length).isLessThan(plain.bytes().length / 3);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz.bytes()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.text());
        }
    }

    @Test
    void boomIs500WithCorsHeadersAndARequestId() {
        var r = get("/tour/boom", "Origin", ORIGIN, "X-Request-ID", "front-end-42");
        assertThat(r).hasStatus(500).hasJsonBody("{\"detail\":\"Internal Server Error\"}")
                .hasHeader("Access-Control-Allow-Origin", ORIGIN)
                .hasHeader("Access-Control-Allow-Credentials", "true")
                .hasHeader("X-Request-ID", "front-end-42");
    }

    @Test
    void tasksRunAfterTheResponseInOrder() {
        assertThat(get("/tour/tasks")).hasStatus(200).hasJsonBody("[]");
        var r = client.request("POST", url("/tour/tasks")).query("name", "first").send();
        assertThat(r).hasStatus(202).hasJsonBody("{\"scheduled\":\"first\"}");
        // The TestClient returns once the request's background tasks have run.
        assertThat(get("/tour/tasks")).hasJsonBody("[\"first\"]");
        client.request("POST", url("/tour/tasks")).query("name", "second task").send();
        client.request("POST", url("/tour/tasks")).query("name", "third").send();
        assertThat(get("/tour/tasks")).hasJsonBody("[\"first\",\"second task\",\"third\"]");
    }

    @Test
    void aTaskNeedsAName() {
        assertThat(client.request("POST", url("/tour/tasks")).send()).hasValidationError("missing", "query", "name");
        assertThat(client.request("POST", url("/tour/tasks")).query("name", " ").send()).hasValidationError("not_blank", "query", "name");
        assertThat(client.request("POST", url("/tour/tasks")).query("name", "x".repeat(65)).send()).hasValidationError("size", "query", "name");
        assertThat(get("/tour/tasks")).hasJsonBody("[]");
    }

    @Test
    void theFrontEndMayCallWithCredentialsAndItsToken() {
        var preflight = client.request("OPTIONS", url("/tour/tasks")).header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "x-token").send();
        assertThat(preflight).hasStatus(204)
                .hasHeader("Access-Control-Allow-Origin", ORIGIN)
                .hasHeader("Access-Control-Allow-Credentials", "true")
                .hasHeader("Access-Control-Allow-Methods", "GET, POST")
                .hasHeader("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Language, Content-Type, X-Token, Authorization, X-API-Key")
                .hasHeader("X-Request-ID");
        var post = client.request("POST", url("/tour/tasks")).query("name", "from the browser").header("Origin", ORIGIN)
                .header("X-Token", "t").send();
        assertThat(post).hasStatus(202).hasHeader("Access-Control-Allow-Origin", ORIGIN);
        var get = get("/tour/small", "Origin", ORIGIN);
        assertThat(get).hasHeader("Access-Control-Allow-Origin", ORIGIN).hasHeader("Vary", "Accept-Encoding, Origin");
    }

    @Test
    void otherOriginsMethodsAndHeadersAreNotAllowed() {
        var evil = get("/tour/small", "Origin", "https://evil.example");
        assertThat(evil).hasStatus(200).doesNotHaveHeader("Access-Control-Allow-Origin");
        var put = client.request("OPTIONS", url("/tour/tasks")).header("Origin", ORIGIN).header("Access-Control-Request-Method", "PUT").send();
        assertThat(put).hasStatus(400).doesNotHaveHeader("Access-Control-Allow-Origin");
        var header = client.request("OPTIONS", url("/tour/tasks")).header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "x-other").send();
        assertThat(header).hasStatus(400);
    }

    @Test
    void onlyTheTourHostsAreServed() {
        assertThat(client.get("/tour/small")).as("the TestClient's default host, testserver").hasStatus(400)
                .hasJsonBody("{\"detail\":\"Invalid host header\"}").hasHeader("X-Request-ID");
        assertThat(client.get("http://127.0.0.1:8000/tour/small")).hasStatus(200);
        assertThat(client.get("http://api.example.com/tour/small")).hasStatus(200);
        assertThat(client.get("http://example.com/tour/small")).hasStatus(400);
        assertThat(client.get("http://evil.example/tour/small")).hasStatus(400);
    }

    @Test
    void everyAnswerHasARequestId() {
        assertThat(get("/tour/nowhere").header("X-Request-ID")).matches(UUID4);
        assertThat(get("/tour/small", "X-Request-ID", "kept-1")).hasHeader("X-Request-ID", "kept-1");
        assertThat(client.request("DELETE", url("/tour/small")).send()).hasStatus(405).hasHeader("X-Request-ID");
    }
}
