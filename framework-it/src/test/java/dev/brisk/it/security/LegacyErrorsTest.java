package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.security.ApiKey;
import dev.brisk.security.ApiKeyCookie;
import dev.brisk.security.ApiKeyHeader;
import dev.brisk.security.ApiKeyQuery;
import dev.brisk.security.BasicCredentials;
import dev.brisk.security.BearerToken;
import dev.brisk.security.HttpBasic;
import dev.brisk.security.HttpBearer;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static dev.brisk.it.security.Auth.answers;

/** legacyErrors(): the answers of FastAPI before 0.122 (403 without a challenge for Bearer and API keys). */
@BriskTest
class LegacyErrorsTest {
    public static class Routes {
        @Get("/bearer")
        public String bearer(BearerToken t) {
            return "ok";
        }

        @Get("/basic")
        public String basic(BasicCredentials c) {
            return "ok";
        }

        @Get("/header")
        public String header(@Depends("APIKeyHeader") ApiKey k) {
            return "ok";
        }

        @Get("/query")
        public String query(@Depends("APIKeyQuery") ApiKey k) {
            return "ok";
        }

        @Get("/cookie")
        public String cookie(@Depends("APIKeyCookie") ApiKey k) {
            return "ok";
        }
    }

    static App app() {
        return App.builder().security(HttpBearer.create().legacyErrors(), HttpBasic.create().realm("r").legacyErrors(),
                ApiKeyHeader.named("X-Key").legacyErrors(), ApiKeyQuery.named("key").legacyErrors(), ApiKeyCookie.named("key").legacyErrors())
                .include(new Routes()).build();
    }

    TestClient client;

    @Test
    void bearer() {
        answers(client.get("/bearer"), 403, "{\"detail\":\"Not authenticated\"}");
        answers(client.request("GET", "/bearer").header("Authorization", "Basic YTpi").send(), 403, "{\"detail\":\"Invalid authentication credentials\"}");
        answers(client.request("GET", "/bearer").header("Authorization", "Bearer").send(), 403, "{\"detail\":\"Invalid authentication credentials\"}");
    }

    @Test
    void basicKeepsItsChallenge() {
        answers(client.get("/basic"), 401, "{\"detail\":\"Not authenticated\"}", "Basic realm=\"r\"");
        answers(client.request("GET", "/basic").header("Authorization", "Basic !!!!").send(), 401,
                "{\"detail\":\"Invalid authentication credentials\"}", "Basic realm=\"r\"");
    }

    @Test
    void apiKeys() {
        answers(client.get("/header"), 403, "{\"detail\":\"Not authenticated\"}");
        answers(client.get("/query"), 403, "{\"detail\":\"Not authenticated\"}");
        answers(client.get("/cookie"), 403, "{\"detail\":\"Not authenticated\"}");
    }
}
