package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Provides;
import dev.brisk.security.BearerToken;
import dev.brisk.security.OAuth2PasswordBearer;
import dev.brisk.security.Scopes;
import dev.brisk.security.SecurityScopes;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.brisk.it.security.Auth.answers;

/** OAuth2 password bearer tokens: each kind of missing, malformed, rejected and under-scoped token, exactly. */
@BriskTest
class OAuth2PasswordBearerTest {
    static final OAuth2PasswordBearer OAUTH = OAuth2PasswordBearer.tokenUrl("/token")
            .scope("me", "Read yourself").scope("admin", "Everything");

    public record User(String name, List<String> scopes) {
    }

    static final Map<String, User> TOKENS = Map.of(
            "alice-token", new User("alice", List.of("me")),
            "root.t0k3n~+/==", new User("root", List.of("me", "admin")));

    public static class Routes {
        @Provides
        public static User currentUser(BearerToken token, SecurityScopes scopes) {
            User user = TOKENS.get(token.value());
            if (user == null) throw token.invalid();
            scopes.check(user.scopes());
            return user;
        }

        @Get("/me")
        public User me(User user) {
            return user;
        }

        @Get("/admin")
        @Scopes("admin")
        public User admin(User user) {
            return user;
        }

        @Get("/token")
        public String token(BearerToken token) {
            return token.value();
        }
    }

    static App app() {
        return App.builder().security(OAUTH).include(new Routes()).build();
    }

    TestClient client;

    private dev.brisk.test.TestResponse get(String path, String... authorization) {
        var b = client.request("GET", path);
        for (String a : authorization) b.header("Authorization", a);
        return b.send();
    }

    @Test
    void noAuthorizationHeaderIsNotAuthenticated() {
        answers(get("/me"), 401, "{\"detail\":\"Not authenticated\"}", "Bearer");
    }

    @Test
    void anotherSchemeIsNotAuthenticatedWithoutAnErrorCode() {
        answers(get("/me", "Basic YTpi"), 401, "{\"detail\":\"Not authenticated\"}", "Bearer");
        answers(get("/me", "Token alice-token"), 401, "{\"detail\":\"Not authenticated\"}", "Bearer");
    }

    @Test
    void malformedTokensAreInvalidRequests() {
        for (String bad : List.of("Bearer", "Bearer ", "Bearer a b", "Bearer \"quoted\"", "Bearer a=b", "Bearer ab,cd", "Bearer t\u00e9st")) {
            answers(get("/me", bad), 401, "{\"detail\":\"Not authenticated\"}", "Bearer error=\"invalid_request\"");
        }
    }

    @Test
    void controlCharactersInTheHeaderAreRefusedBeforeAnySchemeAndNeverEchoed() {
        var r = get("/me", "Bearer tok\u0001en-secret");
        answers(r, 400, "{\"detail\":\"Bad Request\"}");
        org.assertj.core.api.Assertions.assertThat(r.text()).doesNotContain("secret");
    }

    @Test
    void twoAuthorizationHeadersAreAnInvalidRequest() {
        answers(get("/me", "Bearer alice-token", "Bearer alice-token"), 401, "{\"detail\":\"Not authenticated\"}",
                "Bearer error=\"invalid_request\"");
    }

    @Test
    void aTokenTheAppRejectsIsAnInvalidToken() {
        answers(get("/me", "Bearer wrong"), 401, "{\"detail\":\"Invalid authentication credentials\"}", "Bearer error=\"invalid_token\"");
    }

    @Test
    void aGoodTokenPassesInAnyCaseOfTheSchemeName() {
        answers(get("/me", "Bearer alice-token"), 200, "{\"name\":\"alice\",\"scopes\":[\"me\"]}");
        answers(get("/me", "bearer alice-token"), 200, "{\"name\":\"alice\",\"scopes\":[\"me\"]}");
        answers(get("/me", "BEARER   alice-token"), 200, "{\"name\":\"alice\",\"scopes\":[\"me\"]}");
        dev.brisk.test.BriskAssertions.assertThat(get("/token", "Bearer root.t0k3n~+/==")).hasStatus(200).hasText("root.t0k3n~+/==");
    }

    @Test
    void aTokenWithoutTheRoutesScopeIsForbidden() {
        answers(get("/admin", "Bearer alice-token"), 403, "{\"detail\":\"Not enough permissions\"}",
                "Bearer error=\"insufficient_scope\", scope=\"admin\"");
        answers(get("/admin", "Bearer root.t0k3n~+/=="), 200, "{\"name\":\"root\",\"scopes\":[\"me\",\"admin\"]}");
        answers(get("/admin"), 401, "{\"detail\":\"Not authenticated\"}", "Bearer");
    }
}
