package dev.brisk.it.tasks;

import dev.brisk.App;
import dev.brisk.BackgroundTasks;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Provides;
import dev.brisk.Server;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Background tasks run after the response is written, in the order added, on workers (never the event
 * loop), after the request's dependencies are closed; one failing task is logged and the next still runs.
 */
class BackgroundTasksTest {
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    static volatile CountDownLatch release = new CountDownLatch(0);

    public static final class Session implements AutoCloseable {
        @Override
        public void close() {
            EVENTS.add("session closed");
        }
    }

    public static class Routes {
        @Provides
        public static Session session() {
            return new Session();
        }

        @Post(value = "/plain", status = 202)
        public String plain(String name, BackgroundTasks tasks, Session session) {
            tasks.add(() -> EVENTS.add("first " + name + " on " + kind()))
                    .add(() -> {
                        throw new IllegalStateException("second fails");
                    })
                    .addAsync(() -> CompletableFuture.runAsync(() -> EVENTS.add("third (async)")))
                    .add(() -> EVENTS.add("fourth"));
            EVENTS.add("handler");
            return "scheduled " + name;
        }

        @Post(value = "/loop", status = 202)
        public CompletableFuture<String> loop(BackgroundTasks tasks) {
            tasks.add(() -> EVENTS.add("loop task on " + kind()));
            return CompletableFuture.completedFuture("scheduled");
        }

        @Get("/held")
        public String held(BackgroundTasks tasks) {
            tasks.add(() -> {
                EVENTS.add("held task started");
                release.await(10, TimeUnit.SECONDS);
                EVENTS.add("held task done");
            });
            return "sent";
        }
    }

    static String kind() {
        String n = Thread.currentThread().getName();
        return n.startsWith("brisk-loop") ? "loop" : n.startsWith("brisk-worker") || n.startsWith("brisk-vt") || n.startsWith("brisk-cleanup") ? "worker" : n;
    }

    private static App app() {
        return App.builder().docs(false).include(new Routes()).build();
    }

    @Test
    void tasksRunInOrderAfterTheCleanupsAndAFailureDoesNotStopTheRest() {
        EVENTS.clear();
        try (var client = TestClient.of(app(), TestClient.Options.defaults().raiseServerExceptions(false))) {
            var res = client.post("/plain?name=x", null);
            assertThat(res.status()).isEqualTo(202);
            // The TestClient returned once the tasks were done.
            assertThat(EVENTS).containsExactly("handler", "session closed", "first x on worker", "third (async)", "fourth");
        }
    }

    @Test
    void tasksOfAnEventLoopRouteRunOnAWorker() {
        EVENTS.clear();
        try (var client = TestClient.of(app())) {
            assertThat(client.post("/loop", null).status()).isEqualTo(202);
            assertThat(EVENTS).containsExactly("loop task on worker");
        }
    }

    @Test
    void theResponseIsOnTheWireBeforeTheTaskFinishes() throws Exception {
        EVENTS.clear();
        release = new CountDownLatch(1);
        Server server = app().start("127.0.0.1", 0);
        try {
            var http = HttpClient.newHttpClient();
            var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/held"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.body()).isEqualTo("sent");
            assertThat(EVENTS).doesNotContain("held task done");
            release.countDown();
        } finally {
            server.close();
        }
        assertThat(EVENTS).containsExactly("held task started", "held task done");
    }

    @Test
    void gracefulShutdownWaitsForRunningTasksWithinTheGrace() throws Exception {
        EVENTS.clear();
        release = new CountDownLatch(1);
        Server server = app().start("127.0.0.1", 0);
        var http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/held")).build(), HttpResponse.BodyHandlers.ofString());
        var closing = CompletableFuture.runAsync(() -> server.close(Duration.ofSeconds(5)));
        Thread.sleep(200);
        assertThat(closing).isNotDone();   // the task still runs
        release.countDown();
        closing.get(5, TimeUnit.SECONDS);
        assertThat(EVENTS).containsExactly("held task started", "held task done");
    }
}
