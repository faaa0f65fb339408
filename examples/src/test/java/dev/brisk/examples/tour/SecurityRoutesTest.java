package dev.brisk.examples.tour;

import dev.brisk.App;
import dev.brisk.openapi.OpenApi;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The tour's security routes, as the issue describes them, and their OpenAPI document. */
class SecurityRoutesTest {
    private static final Path SNAPSHOT = Path.of("src/test/resources/openapi/tour-security.json");

    /** A clock the test moves forward, to let tokens expire. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final Moving clock = new Moving();
    TestClient client;

    @BeforeEach
    void start() {
        client = TestClient.of(App.builder().security(SecurityRoutes.OAUTH, SecurityRoutes.BASIC, SecurityRoutes.API_KEY)
                .include(new SecurityRoutes(clock)).build());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private TestResponse login(String user, String password) {
        return client.request("POST", "/tour/token").form(Map.of("username", user, "password", password)).send();
    }

    private String token() {
        var r = login("alice", "wonderland");
        assertThat(r).hasStatus(200);
        assertThat(r.json().path("token_type").asText()).isEqualTo("bearer");
        assertThat(r.json().size()).isEqualTo(2);
        return r.json().path("access_token").asText();
    }

    private TestResponse get(String path, String header, String value) {
        return client.request("GET", path).header(header, value).send();
    }

    private static List<String> challenges(TestResponse r) {
        return r.headers().getOrDefault("WWW-Authenticate", List.of());
    }

    @Test
    void aliceGetsATokenOthersDoNot() {
        assertThat(token()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(login("alice", "wrong")).hasStatus(400).hasJsonBody("{\"detail\":\"Incorrect username or password\"}");
        assertThat(login("bob", "wonderland")).hasStatus(400).hasJsonBody("{\"detail\":\"Incorrect username or password\"}");
        assertThat(client.request("POST", "/tour/token").form(Map.of("username", "alice")).send()).hasStatus(422)
                .hasValidationError("missing", "body", "password");
    }

    @Test
    void meNeedsAToken() {
        assertThat(get("/tour/me", "Authorization", "Bearer " + token())).hasStatus(200).hasJsonBody("{\"username\":\"alice\"}");
        var none = client.get("/tour/me");
        assertThat(none).hasStatus(401).hasJsonBody("{\"detail\":\"Not authenticated\"}");
        assertThat(challenges(none)).containsExactly("Bearer");
    }

    @Test
    void forgedAndExpiredTokensAreInvalid() {
        String token = token();
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("items:read", "admin").getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        for (String bad : List.of(forged, "x" + token, "nodot")) {
            var r = get("/tour/admin", "Authorization", "Bearer " + bad);
            assertThat(r).hasStatus(401).hasJsonBody("{\"detail\":\"Invalid authentication credentials\"}");
            assertThat(challenges(r)).containsExactly("Bearer error=\"invalid_token\"");
        }
        clock.now = clock.now.plus(SecurityRoutes.TOKEN_LIFETIME).plus(Duration.ofSeconds(1));
        assertThat(get("/tour/me", "Authorization", "Bearer " + token)).hasStatus(401);
    }

    @Test
    void adminNeedsAScopeAliceLacks() {
        var r = get("/tour/admin", "Authorization", "Bearer " + token());
        assertThat(r).hasStatus(403).hasJsonBody("{\"detail\":\"Not enough permissions\"}");
        assertThat(challenges(r)).containsExactly("Bearer error=\"insufficient_scope\", scope=\"admin\"");
    }

    @Test
    void basic() {
        String good = "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8));
        String bad = "Basic " + Base64.getEncoder().encodeToString("admin:guess".getBytes(StandardCharsets.UTF_8));
        assertThat(get("/tour/basic", "Authorization", good)).hasStatus(200).hasJsonBody("{\"username\":\"admin\"}");
        var wrong = get("/tour/basic", "Authorization", bad);
        assertThat(wrong).hasStatus(401).hasJsonBody("{\"detail\":\"Incorrect username or password\"}");
        assertThat(challenges(wrong)).containsExactly("Basic realm=\"tour\"");
        var none = client.get("/tour/basic");
        assertThat(none).hasStatus(401).hasJsonBody("{\"detail\":\"Not authenticated\"}");
        assertThat(challenges(none)).containsExactly("Basic realm=\"tour\"");
    }

    @Test
    void apiKey() {
        assertThat(get("/tour/key", "X-API-Key", "k-123")).hasStatus(200).hasJsonBody("{\"username\":\"api-key client\"}");
        var wrong = get("/tour/key", "X-API-Key", "k-124");
        assertThat(wrong).hasStatus(401).hasJsonBody("{\"detail\":\"Invalid authentication credentials\"}");
        assertThat(challenges(wrong)).containsExactly("APIKey");
        var none = client.get("/tour/key");
        assertThat(none).hasStatus(401).hasJsonBody("{\"detail\":\"Not authenticated\"}");
        assertThat(challenges(none)).containsExactly("APIKey");
    }

    /**
     * The whole document, against a reviewed file; rewrite with
     * {@code mvn -pl examples -am verify -Dtest=SecurityRoutesTest -Dbrisk.updateSnapshots=true} and review the diff.
     */
    @Test
    void openApiDocumentMatchesTheSnapshot() throws Exception {
        String json = OpenApi.prettyJson(SecurityRoutes.app()) + "\n";
        if (Boolean.getBoolean("brisk.updateSnapshots")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, json);
        }
        assertThat(json).isEqualTo(Files.readString(SNAPSHOT));
        var options = new ParseOptions();
        options.setResolve(true);
        assertThat(new OpenAPIParser().readContents(json, null, options).getMessages()).isEmpty();
    }
}
