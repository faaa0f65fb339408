package dev.brisk.observability;

import dev.brisk.App;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With the module on the class path but nothing installed, it adds no route and no request listener. */
class NothingInstalledTest {
    @Test
    void noRoutesAndNoListeners() throws Exception {
        var app = App.builder().include(new ShopRoutes()).build();
        try (var client = TestClient.of(app)) {
            assertThat(client.get("/metrics").status()).isEqualTo(404);
            assertThat(client.get("/health/live").status()).isEqualTo(404);
            assertThat(client.get("/items/1").status()).isEqualTo(200);
        }
        // With the blocking detector off, core itself listens to nothing: the request path is exactly as without the module.
        var quiet = App.builder().include(new ShopRoutes()).blockingThreshold(java.time.Duration.ZERO).build();
        var server = AppRuntime.of(quiet).start("127.0.0.1", 0);
        try {
            var listening = server.dispatch().getClass().getDeclaredMethod("listening");
            listening.setAccessible(true);
            assertThat((boolean) listening.invoke(server.dispatch())).isFalse();
        } finally {
            server.close();
        }
    }
}
