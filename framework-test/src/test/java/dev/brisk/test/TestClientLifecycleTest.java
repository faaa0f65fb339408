package dev.brisk.test;

import dev.brisk.App;
import dev.brisk.Async;
import dev.brisk.Get;
import dev.brisk.OnShutdown;
import dev.brisk.OnStartup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening runs the startup hooks, closing runs the shutdown hooks and releases every thread. */
class TestClientLifecycleTest {
    public static class Routes {
        final List<String> events;

        Routes(List<String> events) {
            this.events = events;
        }

        @OnStartup
        public void open() {
            events.add("startup method");
        }

        @OnShutdown
        public void close() {
            events.add("shutdown method");
        }

        @Get("/events")
        public List<String> events() {
            return List.copyOf(events);
        }

        @Get("/later")
        public CompletableFuture<String> later() {
            return Async.sleep(Duration.ofMillis(20)).thenApply(v -> "slept");
        }
    }

    private static App app(List<String> events) {
        return App.builder().include(new Routes(events))
                .onStartup(() -> events.add("startup hook"))
                .onShutdown(() -> events.add("shutdown hook"))
                .build();
    }

    @Test
    void startupRunsOnOpenAndShutdownOnClose() {
        var events = new CopyOnWriteArrayList<String>();
        var app = app(events);
        assertThat(events).isEmpty();
        try (var client = TestClient.of(app)) {
            assertThat(events).containsExactly("startup method", "startup hook");
            assertThat(client.get("/events")).hasJsonBody("[\"startup method\", \"startup hook\"]");
        }
        assertThat(events).containsExactly("startup method", "startup hook", "shutdown hook", "shutdown method");
    }

    @Test
    void anAppCanBeOpenedAgainAfterClose() {
        var events = new CopyOnWriteArrayList<String>();
        var app = app(events);
        try (var client = TestClient.of(app)) {
            client.get("/events");
        }
        try (var client = TestClient.of(app)) {
            assertThat(client.get("/events").json().size()).isEqualTo(6);
        }
    }

    @Test
    void asyncRoutesCompleteThroughTheClient() {
        try (var client = TestClient.of(app(new CopyOnWriteArrayList<>()))) {
            assertThat(client.get("/later")).hasStatus(200).hasText("slept");
        }
    }

    @Test
    void closeIsIdempotentAndRequestsAfterItFail() {
        var events = new CopyOnWriteArrayList<String>();
        var client = TestClient.of(app(events));
        client.close();
        client.close();
        assertThat(events).filteredOn(e -> e.startsWith("shutdown")).hasSize(2);
        assertThatThrownBy(() -> client.get("/events")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aFailingStartupHookFailsOpening() {
        var app = App.builder().include(new Routes(new CopyOnWriteArrayList<>()))
                .onStartup(() -> {
                    throw new IllegalStateException("no config");
                })
                .build();
        assertThatThrownBy(() -> TestClient.of(app)).hasMessageContaining("no config");
    }

    @Test
    void closeStopsEveryThreadTheClientStarted() throws InterruptedException {
        long before = briskThreads();
        var client = TestClient.of(app(new CopyOnWriteArrayList<>()));
        for (int i = 0; i < 20; i++) client.get("/events");
        client.get("/later");
        assertThat(briskThreads()).isGreaterThan(before);
        client.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (briskThreads() > before && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(briskThreads()).isLessThanOrEqualTo(before);
    }

    private static long briskThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && (t.getName().startsWith("brisk-loop") || t.getName().startsWith("brisk-worker")))
                .count();
    }
}
