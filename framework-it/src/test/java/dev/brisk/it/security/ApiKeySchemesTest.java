package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.security.ApiKey;
import dev.brisk.security.ApiKeyCookie;
import dev.brisk.security.ApiKeyHeader;
import dev.brisk.security.ApiKeyQuery;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static dev.brisk.it.security.Auth.answers;
import static org.assertj.core.api.Assertions.assertThat;

/** API keys in a header, a query parameter and a cookie; three schemes of one type picked by name. */
@BriskTest
class ApiKeySchemesTest {
    static final ApiKeyHeader HEADER = ApiKeyHeader.named("X-API-Key");
    static final ApiKeyQuery QUERY = ApiKeyQuery.named("api_key");
    static final ApiKeyCookie COOKIE = ApiKeyCookie.named("session");

    public static class Routes {
        @Get("/header")
        public String header(@Depends("APIKeyHeader") ApiKey key) {
            return check(key);
        }

        @Get("/query")
        public String query(@Depends("APIKeyQuery") ApiKey key) {
            return check(key);
        }

        @Get("/cookie")
        public String cookie(@Depends("APIKeyCookie") ApiKey key) {
            return check(key);
        }

        private static String check(ApiKey key) {
            if (!key.matches("k-123")) throw key.invalid();
            return key.scheme().name();
        }
    }

    static App app() {
        return App.builder().security(HEADER, QUERY, COOKIE).include(new Routes()).build();
    }

    TestClient client;

    @Test
    void theKeyIsReadFromItsPlace() {
        assertThat(client.request("GET", "/header").header("x-api-key", "k-123").send().text()).isEqualTo("APIKeyHeader");
        assertThat(client.request("GET", "/query").query("api_key", "k-123").send().text()).isEqualTo("APIKeyQuery");
        assertThat(client.request("GET", "/cookie").cookie("session", "k-123").send().text()).isEqualTo("APIKeyCookie");
    }

    @Test
    void aMissingOrEmptyKeyIsNotAuthenticated() {
        answers(client.get("/header"), 401, "{\"detail\":\"Not authenticated\"}", "APIKey");
        answers(client.request("GET", "/header").header("X-API-Key", "").send(), 401, "{\"detail\":\"Not authenticated\"}", "APIKey");
        answers(client.get("/query"), 401, "{\"detail\":\"Not authenticated\"}", "APIKey");
        answers(client.get("/query?api_key="), 401, "{\"detail\":\"Not authenticated\"}", "APIKey");
        answers(client.get("/cookie"), 401, "{\"detail\":\"Not authenticated\"}", "APIKey");
        // the key in another place than the scheme's is no key
        answers(client.request("GET", "/query").header("X-API-Key", "k-123").send(), 401, "{\"detail\":\"Not authenticated\"}", "APIKey");
    }

    @Test
    void aWrongKeyIsTheAppsAnswer() {
        answers(client.request("GET", "/header").header("X-API-Key", "k-124").send(), 401,
                "{\"detail\":\"Invalid authentication credentials\"}", "APIKey");
    }

    @Test
    void controlCharactersOrARepeatedKeyAreRefusedAndNeverEchoed() {
        var r = client.get("/query?api_key=k-123%0d%0aX-Injected:%20secret");
        answers(r, 401, "{\"detail\":\"Not authenticated\"}", "APIKey");
        assertThat(r.headers()).doesNotContainKey("X-Injected");
        answers(client.get("/query?api_key=k-123&api_key=k-123"), 401, "{\"detail\":\"Not authenticated\"}", "APIKey");
        answers(client.request("GET", "/header").header("X-API-Key", "k-1\t23").send(), 401, "{\"detail\":\"Not authenticated\"}", "APIKey");
        answers(client.request("GET", "/header").header("X-API-Key", "k-123").header("X-API-Key", "k-123").send(), 401,
                "{\"detail\":\"Not authenticated\"}", "APIKey");
    }
}
