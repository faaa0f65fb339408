package dev.brisk.test;

import dev.brisk.App;
import dev.brisk.Get;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request without response fails the test after the client's timeout instead of hanging the build. */
class TestClientTimeoutTest {
    public static class Routes {
        final CountDownLatch release = new CountDownLatch(1);
        final CompletableFuture<String> never = new CompletableFuture<>();

        @Get("/stuck")
        public String stuck() throws InterruptedException {
            return release.await(10, TimeUnit.SECONDS) ? "released" : "gave up";
        }

        @Get("/never")
        public CompletableFuture<String> never() {
            return never;
        }

        @Get("/ok")
        public String ok() {
            return "ok";
        }
    }

    @Test
    void aBlockedHandlerFailsTheRequestWithAClearMessage() {
        var routes = new Routes();
        var options = TestClient.Options.defaults().timeout(Duration.ofMillis(300));
        try (var client = TestClient.of(App.builder().include(routes).build(), options)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.get("/stuck?why=test"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("No response to GET /stuck?why=test within 300 ms");
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(elapsed).isBetween(250L, 5000L);
            routes.release.countDown();
            assertThat(client.get("/ok")).hasStatus(200).hasText("ok");
        }
    }

    @Test
    void aFutureThatNeverCompletesTimesOutToo() {
        var routes = new Routes();
        var options = TestClient.Options.defaults().timeout(Duration.ofMillis(200));
        try (var client = TestClient.of(App.builder().include(routes).build(), options)) {
            assertThatThrownBy(() -> client.request("GET", "/never").query("n", "1").send())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("GET /never?n=1");
            assertThatThrownBy(() -> client.get("/never"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("GET /never within 200 ms");
            routes.never.complete("done");
            assertThat(client.get("/ok")).hasText("ok");
        }
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> TestClient.Options.defaults().timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestClient.Options.defaults().timeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsAreImmutable() {
        var defaults = TestClient.Options.defaults();
        var changed = defaults.raiseServerExceptions(false).timeout(Duration.ofSeconds(1));
        assertThat(defaults.toString()).contains("raiseServerExceptions=true", "PT30S");
        assertThat(changed.toString()).contains("raiseServerExceptions=false", "PT1S");
    }
}
