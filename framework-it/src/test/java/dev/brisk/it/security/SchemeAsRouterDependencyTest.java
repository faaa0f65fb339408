package dev.brisk.it.security;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Router;
import dev.brisk.security.ApiKey;
import dev.brisk.security.ApiKeyHeader;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static dev.brisk.it.security.Auth.answers;

/**
 * A scheme's credentials as a router or app dependency (FastAPI's {@code dependencies=[Depends(api_key)]}):
 * every route needs them, though no handler takes them.
 */
@BriskTest
class SchemeAsRouterDependencyTest {
    @Router(prefix = "/internal", dependencies = ApiKey.class)
    public static class Internal {
        @Get("/stats")
        public String stats() {
            return "stats";
        }
    }

    public static class Public {
        @Get("/health")
        public String health() {
            return "ok";
        }
    }

    static App app() {
        return App.builder().security(ApiKeyHeader.named("X-Internal-Key")).include(new Internal()).include(new Public()).build();
    }

    TestClient client;

    @Test
    void everyRouteOfTheRouterNeedsTheKey() {
        answers(client.get("/internal/stats"), 401, "{\"detail\":\"Not authenticated\"}", "APIKey");
        dev.brisk.test.BriskAssertions.assertThat(client.request("GET", "/internal/stats").header("X-Internal-Key", "any").send())
                .hasStatus(200).hasText("stats");
        dev.brisk.test.BriskAssertions.assertThat(client.get("/health")).hasStatus(200).hasText("ok");
    }

    @Test
    void appDependenciesWorkTheSameWay() {
        try (var c = TestClient.of(App.builder().security(ApiKeyHeader.named("X-Key")).dependencies(ApiKey.class).include(new Public()).build())) {
            answers(c.get("/health"), 401, "{\"detail\":\"Not authenticated\"}", "APIKey");
            dev.brisk.test.BriskAssertions.assertThat(c.request("GET", "/health").header("X-Key", "k").send()).hasStatus(200);
        }
    }
}
