package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.Cors;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.Request;
import dev.brisk.RequestId;
import dev.brisk.TrustedHost;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** X-Request-ID: kept when valid, generated otherwise, on every response, readable by handlers. */
class RequestIdTest {
    static final Pattern UUID4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    public static class Routes {
        @Get("/id")
        public Map<String, String> id(Request request, @Header("X-Request-ID") String header) {
            return Map.of("of", RequestId.of(request).orElse("none"), "header", header);
        }

        @Get("/crash")
        public String crash() {
            throw new IllegalStateException("boom");
        }

        @Get("/items/{n}")
        public int item(int n) {
            return n;
        }
    }

    static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.of(App.builder()
                .middleware(RequestId.create(), TrustedHost.of("testserver"), Cors.allowOrigins("https://app.example.com"))
                .include(new Routes()).build(), TestClient.Options.defaults().raiseServerExceptions(false));
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void aRequestWithoutAnIdGetsANewOneEachTime() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 50; i++) {
            String id = client.get("/items/1").header("X-Request-ID");
            assertThat(id).matches(UUID4);
            seen.add(id);
        }
        assertThat(seen).hasSize(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc-123", "7f0c7e4e-6a8a-4cbb-9f7b-000000000000", "dGVzdA==", "trace:span/1+x_y.z", "x"})
    void aValidIdIsKept(String id) {
        var r = client.request("GET", "/id").header("X-Request-ID", id).send();
        assertThat(r).hasHeader("X-Request-ID", id).hasJsonBody("{\"of\":\"" + id + "\",\"header\":\"" + id + "\"}");
    }

    @Test
    void theLongestValidIdIs128Characters() {
        String longest = "a".repeat(128);
        assertThat(client.request("GET", "/items/1").header("X-Request-ID", longest).send()).hasHeader("X-Request-ID", longest);
        var tooLong = client.request("GET", "/items/1").header("X-Request-ID", longest + "a").send();
        assertThat(tooLong.header("X-Request-ID")).matches(UUID4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "quote\"d", "semi;colon", "new\\nline", "caf\u00e9", "<script>", "a,b"})
    void anInvalidIdIsReplacedAndTheHandlerSeesTheNewOne(String id) {
        var r = client.request("GET", "/id").header("X-Request-ID", id).send();
        String given = r.header("X-Request-ID");
        assertThat(given).matches(UUID4);
        assertThat(r).hasJsonBody("{\"of\":\"" + given + "\",\"header\":\"" + given + "\"}");
    }

    @Test
    void twoIdsAreReplacedByOne() {
        var r = client.request("GET", "/id").header("X-Request-ID", "one").header("X-Request-ID", "two").send();
        assertThat(r.headers().get("X-Request-ID")).hasSize(1).allSatisfy(v -> assertThat(v).matches(UUID4));
    }

    @Test
    void everyAnswerCarriesTheId() {
        assertThat(client.request("GET", "/nowhere").header("X-Request-ID", "r404").send()).hasStatus(404).hasHeader("X-Request-ID", "r404");
        assertThat(client.request("DELETE", "/id").header("X-Request-ID", "r405").send()).hasStatus(405).hasHeader("X-Request-ID", "r405");
        assertThat(client.request("GET", "/items/x").header("X-Request-ID", "r422").send()).hasStatus(422).hasHeader("X-Request-ID", "r422");
        assertThat(client.request("GET", "/crash").header("X-Request-ID", "r500").send()).hasStatus(500).hasHeader("X-Request-ID", "r500");
        assertThat(client.request("GET", "http://evil.example/id").header("X-Request-ID", "r400").send())
                .as("an inner middleware's refusal").hasStatus(400).hasHeader("X-Request-ID", "r400");
        var preflight = client.request("OPTIONS", "/id").header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "GET").header("X-Request-ID", "r204").send();
        assertThat(preflight).as("an inner middleware's early answer").hasStatus(204).hasHeader("X-Request-ID", "r204");
    }

    @Test
    void incomingIdsCanBeIgnored() {
        try (var c = TestClient.of(App.builder().middleware(RequestId.create().keepIncoming(false)).include(new Routes()).build())) {
            var r = c.request("GET", "/id").header("X-Request-ID", "chosen-by-client").send();
            assertThat(r.header("X-Request-ID")).matches(UUID4);
            assertThat(r.json().get("of").asText()).isEqualTo(r.header("X-Request-ID"));
        }
    }

    @Test
    void withoutTheMiddlewareOfGivesOnlyAValidHeader() {
        try (var c = TestClient.of(App.builder().include(new Routes()).build())) {
            assertThat(c.request("GET", "/id").header("X-Request-ID", "ok-1").send().json().get("of").asText()).isEqualTo("ok-1");
            assertThat(c.request("GET", "/id").header("X-Request-ID", "not ok").send().json().get("of").asText()).isEqualTo("none");
            assertThat(c.request("GET", "/items/1").send()).doesNotHaveHeader("X-Request-ID");
        }
    }
}
