package docs.security;

import dev.brisk.it.docs.DocSnippets;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/security.md: its snippets are this code, and behave as the page says. */
class SecurityDocTest {
    @Test
    void snippetsAreThisCode() {
        DocSnippets.assertAllCompiled("docs/security.md");
    }

    private static List<String> challenges(TestResponse r) {
        return r.headers().getOrDefault("WWW-Authenticate", List.of());
    }

    @Test
    void tokens() {
        try (var client = TestClient.of(Tokens.app())) {
            var login = client.request("POST", "/token").form(Map.of("username", "ann", "password", "pw")).send();
            assertThat(login).hasStatus(200).hasJsonBody("{\"access_token\":\"t-ann\",\"token_type\":\"bearer\"}");
            assertThat(client.request("POST", "/token").form(Map.of("username", "ann", "password", "no")).send())
                    .hasStatus(400).hasJsonBody("{\"detail\":\"Incorrect username or password\"}");

            var none = client.get("/me");
            assertThat(none).hasStatus(401).hasJsonBody("{\"detail\":\"Not authenticated\"}");
            assertThat(challenges(none)).containsExactly("Bearer");
            assertThat(client.request("GET", "/me").header("Authorization", "Bearer t-ann").send())
                    .hasStatus(200).hasJsonBody("{\"name\":\"ann\",\"scopes\":[\"items:read\"]}");
            var wrong = client.request("GET", "/me").header("Authorization", "Bearer t-bob").send();
            assertThat(wrong).hasStatus(401).hasJsonBody("{\"detail\":\"Invalid authentication credentials\"}");
            assertThat(challenges(wrong)).containsExactly("Bearer error=\"invalid_token\"");
            var admin = client.request("GET", "/admin").header("Authorization", "Bearer t-ann").send();
            assertThat(admin).hasStatus(403).hasJsonBody("{\"detail\":\"Not enough permissions\"}");
            assertThat(challenges(admin)).containsExactly("Bearer error=\"insufficient_scope\", scope=\"admin\"");
        }
    }

    @Test
    void keys() {
        try (var client = TestClient.of(Keys.app())) {
            String basic = "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8));
            assertThat(client.request("GET", "/stats").header("Authorization", basic).send()).hasText("stats for admin");
            assertThat(challenges(client.get("/stats"))).containsExactly("Basic realm=\"admin area\"");
            assertThat(client.request("GET", "/feed").header("X-API-Key", "k-123").send()).hasText("feed");
            var none = client.get("/feed");
            assertThat(none).hasStatus(401).hasJsonBody("{\"detail\":\"Not authenticated\"}");
            assertThat(challenges(none)).containsExactly("APIKey");
        }
    }

    @Test
    void either() {
        try (var client = TestClient.of(Either.app())) {
            assertThat(client.request("GET", "/report").header("Authorization", "Bearer t-1").send()).hasText("report for token holder");
            assertThat(client.get("/report?api_key=k-1")).hasText("report for key holder");
            var none = client.get("/report");
            assertThat(none).hasStatus(401).hasJsonBody("{\"detail\":\"Not authenticated\"}");
            assertThat(challenges(none)).containsExactly("Bearer", "APIKey");
            assertThat(client.get("/hello")).hasStatus(200).hasText("hello, stranger");
            assertThat(client.get("/hello?api_key=k-9")).hasText("hello again");
        }
    }

    @Test
    void overrideTheCredentials() {
        var app = Tokens.app();
        try (var client = TestClient.of(app)) {
            app.overrideProvider(dev.brisk.security.BearerToken.class, "OAuth2PasswordBearer",
                    () -> dev.brisk.security.BearerToken.of(Tokens.OAUTH, "t-ann"));
            assertThat(client.get("/me")).hasStatus(200).hasJsonBody("{\"name\":\"ann\",\"scopes\":[\"items:read\"]}");
            app.clearOverrides();
        }
    }

    // The testing example of the page.
    @Test
    void overrideTheCurrentUser() {
        try (var client = TestClient.of(Tokens.app())) {
            client.override(Tokens.User.class, () -> new Tokens.User("test-user", List.of("admin")));
            assertThat(client.get("/admin")).hasStatus(200).hasJsonBody("{\"name\":\"test-user\",\"scopes\":[\"admin\"]}");
        }
    }
}
