package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.Async;
import dev.brisk.Get;
import dev.brisk.Middleware;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Middleware may do asynchronous work before and after the rest of the chain; the route still runs on its own
 * kind of thread (worker for plain handlers, the event loop for future-returning ones), whatever thread the
 * middleware's future completed on; a blocking-style middleware runs on a worker and never stalls the loop.
 */
class AsyncMiddlewareTest {
    static final List<String> THREADS = new CopyOnWriteArrayList<>();

    public static class Routes {
        @Get("/plain")
        public String plain() {
            THREADS.add("plain " + Thread.currentThread().getName());
            return "plain";
        }

        @Get("/loop")
        public CompletableFuture<String> loop() {
            THREADS.add("loop " + Thread.currentThread().getName());
            return CompletableFuture.completedFuture("loop");
        }
    }

    /** Sleeps before and after, proceeding from a timer's thread. */
    static final Middleware SLOW = (req, next) -> Async.sleep(Duration.ofMillis(20))
            .thenCompose(v -> CompletableFuture.supplyAsync(() -> null))   // hop to a common-pool thread
            .thenCompose(v -> next.proceed())
            .thenCompose(res -> Async.sleep(Duration.ofMillis(10)).thenApply(v -> res.header("X-Slow", "done")));

    @Test
    void theRouteKeepsItsThreadKindWhenTheMiddlewareProceedsFromAnotherThread() {
        THREADS.clear();
        var app = App.builder().docs(false).include(new Routes()).middleware(SLOW).build();
        try (var client = TestClient.of(app)) {
            var a = client.get("/plain");
            assertThat(a.text()).isEqualTo("plain");
            assertThat(a.header("X-Slow")).isEqualTo("done");
            var b = client.get("/loop");
            assertThat(b.text()).isEqualTo("loop");
            assertThat(b.header("X-Slow")).isEqualTo("done");
        }
        assertThat(THREADS).hasSize(2);
        assertThat(THREADS.get(0)).matches("plain brisk-(worker|vt)-.*");
        assertThat(THREADS.get(1)).startsWith("loop brisk-loop");
    }

    @Test
    void aBlockingMiddlewareRunsOnAWorkerAroundAnEventLoopRoute() {
        THREADS.clear();
        var where = new CopyOnWriteArrayList<String>();
        Middleware blocking = Middleware.blocking((req, next) -> {
            where.add(Thread.currentThread().getName());
            Thread.sleep(20);   // fine here: a worker thread
            var res = next.proceed();
            return res.header("X-Blocking", "yes");
        });
        var app = App.builder().docs(false).include(new Routes()).middleware(blocking).build();
        try (var client = TestClient.of(app)) {
            var res = client.get("/loop");
            assertThat(res.text()).isEqualTo("loop");
            assertThat(res.header("X-Blocking")).isEqualTo("yes");
            var plain = client.get("/plain");
            assertThat(plain.header("X-Blocking")).isEqualTo("yes");
        }
        assertThat(where).allSatisfy(t -> assertThat(t).matches("brisk-(worker|vt)-.*"));
        assertThat(THREADS.get(0)).startsWith("loop brisk-loop");
        assertThat(THREADS.get(1)).matches("plain brisk-(worker|vt)-.*");
    }

    @Test
    void aMiddlewareWhoseFutureFailsGetsAnErrorAnswer() {
        Middleware failing = (req, next) -> next.proceed().thenApply(res -> {
            throw new IllegalStateException("broken on the way out");
        });
        var app = App.builder().docs(false).include(new Routes()).middleware(failing).build();
        try (var client = TestClient.of(app, TestClient.Options.defaults().raiseServerExceptions(false))) {
            var res = client.get("/plain");
            assertThat(res.status()).isEqualTo(500);
            assertThat(res.json().get("detail").asText()).isEqualTo("Internal Server Error");
        }
    }
}
