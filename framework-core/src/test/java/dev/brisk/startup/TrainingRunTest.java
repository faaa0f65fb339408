package dev.brisk.startup;

import dev.brisk.App;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code -Dbrisk.training=/a,/b}: {@code App.run} serves 50 requests to each path from itself, then
 * stops the server and returns, so that the JVM can exit and write its class-data cache.
 */
class TrainingRunTest {
    @AfterEach
    void clear() {
        System.clearProperty("brisk.training");
    }

    @Test
    void runRequestsEachPathThenStopsAndReturns() throws Exception {
        var hits = new AtomicInteger();
        var other = new AtomicInteger();
        var app = App.builder()
                .route("GET", "/json", req -> {
                    hits.incrementAndGet();
                    return java.util.Map.of("ok", true);
                })
                .route("GET", "/other", req -> {
                    other.incrementAndGet();
                    return "x";
                })
                .build();
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        System.setProperty("brisk.training", "/json, /other,/missing");
        app.run("127.0.0.1", port);   // returns: the training run ended
        assertThat(hits.get()).isEqualTo(50);
        assertThat(other.get()).isEqualTo(50);
        try (var s = new ServerSocket(port)) {
            assertThat(s.getLocalPort()).as("the port is free again").isEqualTo(port);
        }
    }

    public static class Validated {
        @dev.brisk.Get("/count")
        public int count(@dev.brisk.Query @jakarta.validation.constraints.Positive int n) {
            return n;
        }
    }

    @Test
    void runWaitsForTheValidationWarmUpSoThatItsClassesAreInTheCache() throws Exception {
        var app = App.builder().include(new Validated()).docs(false).build();
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        System.setProperty("brisk.training", "/count?n=1");
        app.run("127.0.0.1", port);
        assertThat(dev.brisk.internal.app.AppRuntime.of(app).compiled().validationWarmedUp()).isDone();
    }

    @Test
    void aPathThatIsNotAPathFailsStartup() {
        var app = App.builder().route("GET", "/", req -> "x").build();
        System.setProperty("brisk.training", "json");
        assertThatThrownBy(() -> app.run("127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dbrisk.training: each path must start with /");
    }
}
