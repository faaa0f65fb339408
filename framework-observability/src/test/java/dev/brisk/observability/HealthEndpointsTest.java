package dev.brisk.observability;

import dev.brisk.App;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** /health/live and /health/ready: status, checks, and nothing of a failing check's exception on the wire. */
class HealthEndpointsTest {
    @Test
    void liveAndReadyWithoutChecks() {
        var app = App.builder().include(new ShopRoutes()).install(Health.endpoints()).build();
        try (var client = TestClient.of(app)) {
            var live = client.get("/health/live");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.contentType()).startsWith("application/json");
            assertThat(live.text()).isEqualTo("{\"status\":\"UP\"}");
            var ready = client.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.text()).isEqualTo("{\"status\":\"UP\",\"checks\":{}}");
            assertThat(client.head("/health/ready").status()).isEqualTo(200);
            assertThat(client.post("/health/ready", "{}").status()).isEqualTo(405);
        }
    }

    @Test
    void readinessFollowsItsChecks() {
        var database = new AtomicBoolean(true);
        var app = App.builder().include(new ShopRoutes())
                .install(Health.endpoints()
                        .check("database", database::get)
                        .check("cache", () -> { throw new IllegalStateException("password=hunter2 rejected"); }))
                .build();
        try (var client = TestClient.of(app)) {
            var res = client.get("/health/ready");
            assertThat(res.status()).isEqualTo(503);
            assertThat(res.text()).isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"database\":\"UP\",\"cache\":\"DOWN\"}}");
            assertThat(res.text()).doesNotContain("hunter2");
            assertThat(client.get("/health/live").status()).isEqualTo(200);   // liveness does not run the checks
        }
        var healthy = App.builder().include(new ShopRoutes()).install(Health.endpoints().check("database", database::get)).build();
        try (var client = TestClient.of(healthy)) {
            assertThat(client.get("/health/ready").status()).isEqualTo(200);
            database.set(false);
            var down = client.get("/health/ready");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("checks").get("database").asText()).isEqualTo("DOWN");
        }
    }

    @Test
    void pathsAreConfigurable() {
        var app = App.builder().include(new ShopRoutes())
                .install(Health.endpoints().livePath("/livez").readyPath("/readyz")).build();
        try (var client = TestClient.of(app)) {
            assertThat(client.get("/livez").status()).isEqualTo(200);
            assertThat(client.get("/readyz").status()).isEqualTo(200);
            assertThat(client.get("/health/live").status()).isEqualTo(404);
        }
    }

    @Test
    void badConfigurationsAreRefused() {
        assertThatThrownBy(() -> Health.endpoints().livePath("health")).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> Health.endpoints().check("db", () -> true).check("db", () -> true)).hasMessageContaining("two readiness checks named 'db'");
        assertThatThrownBy(() -> App.builder().install(Health.endpoints().readyPath("/health/live")).build())
                .isInstanceOf(dev.brisk.StartupException.class).hasMessageContaining("different paths");
        assertThatThrownBy(() -> App.builder().install(Health.endpoints(), Health.endpoints()).build())
                .isInstanceOf(dev.brisk.StartupException.class).hasMessageContaining("installed 2 times");
    }
}
