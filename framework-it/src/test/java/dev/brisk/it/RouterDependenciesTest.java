package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.HttpException;
import dev.brisk.Provides;
import dev.brisk.Query;
import dev.brisk.Router;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class RouterDependenciesTest {
    public record ApiKey(String value) {
    }

    public record Audit(int n) {
    }

    static final AtomicInteger AUDITS = new AtomicInteger();

    public static class Providers {
        @Provides
        public static ApiKey apiKey(@Header String xKey) {
            if (!xKey.equals("k")) throw new HttpException(403, "Bad key");
            return new ApiKey(xKey);
        }

        @Provides
        public static Audit audit(@Query(defaultValue = "none") String reason) {
            return new Audit(AUDITS.incrementAndGet());
        }
    }

    @Router(prefix = "/admin", tags = "admin", dependencies = ApiKey.class)
    public static class AdminRoutes {
        @Get("/stats")
        public String stats() {
            return "stats";
        }
    }

    public static class OpenRoutes {
        @Get("/open")
        public String open() {
            return "open";
        }
    }

    @Test
    void routerDependenciesRunForEveryRouteAndTheirParametersApply() {
        try (var c = TestClient.of(App.builder().include(new Providers()).include(new AdminRoutes()).include(new OpenRoutes()).build())) {
            assertThat(c.get("/admin/stats")).hasValidationError("missing", "header", "x-key");
            assertThat(c.request("GET", "/admin/stats").header("x-key", "no").send()).hasStatus(403);
            assertThat(c.request("GET", "/admin/stats").header("x-key", "k").send()).hasStatus(200).hasText("stats");
            assertThat(c.get("/open")).hasStatus(200);
        }
    }

    @Test
    void appDependenciesRunForAllRoutes() {
        AUDITS.set(0);
        try (var c = TestClient.of(App.builder().include(new Providers()).include(new OpenRoutes()).dependencies(Audit.class).build())) {
            assertThat(c.get("/open")).hasStatus(200);
            assertThat(c.get("/open")).hasStatus(200);
            assertThat(AUDITS.get()).isEqualTo(2);
        }
    }

    @Test
    void includedRoutersGetAnExtraPrefix() {
        try (var c = TestClient.of(App.builder().include(new Providers()).include(AdminRoutes.class, "/v1").build())) {
            assertThat(c.request("GET", "/v1/admin/stats").header("x-key", "k").send()).hasText("stats");
            assertThat(c.get("/admin/stats")).hasStatus(404);
        }
    }
}
