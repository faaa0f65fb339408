package dev.brisk.dispatch;

import org.junit.jupiter.api.extension.ExtendWith;
import dev.brisk.transport.LeakCheck;
import dev.brisk.Blocking;
import dev.brisk.Get;
import dev.brisk.Server;
import dev.brisk.Workers;
import dev.brisk.transport.RawHttp;
import dev.brisk.transport.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Which kind of thread runs each kind of handler, and futures completed on foreign threads. */
@ExtendWith(LeakCheck.class)
class DispatchThreadsTest {
    public static class Routes {
        final java.util.concurrent.BlockingQueue<String> blockingRanOn = new java.util.concurrent.LinkedBlockingQueue<>();

        @Get("/loop")
        public CompletableFuture<String> loop() {
            return CompletableFuture.completedFuture(ThreadKind.current());
        }

        @Get("/stage")
        public CompletionStage<String> stage() {
            return CompletableFuture.completedFuture(ThreadKind.current());
        }

        @Get("/plain")
        public String plain() {
            return ThreadKind.current();
        }

        @Blocking
        @Get("/blocking-future")
        public CompletableFuture<String> blockingFuture() {
            blockingRanOn.add(ThreadKind.current());
            return CompletableFuture.completedFuture(ThreadKind.current());
        }

        @Blocking
        @Get("/blocking-future-later")
        public CompletableFuture<String> blockingFutureLater() {
            String kind = ThreadKind.current();
            blockingRanOn.add(kind);
            return CompletableFuture.supplyAsync(() -> kind, CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS));
        }

        @Get("/foreign")
        public CompletableFuture<Map<String, Object>> foreign() {
            var f = new CompletableFuture<Map<String, Object>>();
            var t = new Thread(() -> {
                sleep(50);
                f.complete(Map.of("done", "by " + Thread.currentThread().getName()));
            }, "foreign-completer");
            t.start();
            return f;
        }

        @Get("/foreign-failure")
        public CompletableFuture<String> foreignFailure() {
            var f = new CompletableFuture<String>();
            new Thread(() -> {
                sleep(20);
                f.completeExceptionally(new dev.brisk.HttpException(409, "conflict from afar"));
            }, "foreign-failer").start();
            return f;
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final Routes ROUTES = new Routes();
    static Server platform;

    @BeforeAll
    static void start() {
        platform = TestServers.start(b -> b.workers(Workers.platform(4, 10)), ROUTES);
    }

    @AfterAll
    static void stop() {
        platform.close(Duration.ZERO);
    }

    static String body(Server s, String path) {
        try (var c = RawHttp.connect(s.port())) {
            var r = c.exchange(get(path));
            assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
            return r.text();
        }
    }

    @Test
    void futureReturningRoutesRunOnTheEventLoop() {
        for (String path : List.of("/loop", "/stage")) {
            assertThat(body(platform, path)).matches("brisk-loop-\\d+-\\d+\\|netty\\|platform");
        }
    }

    @Test
    void plainRoutesRunOnAPlatformWorker() {
        assertThat(body(platform, "/plain")).matches("brisk-worker-\\d+\\|plain\\|platform");
    }

    @Test
    void blockingForcesTheWorkerForAFutureReturningMethod() throws Exception {
        ROUTES.blockingRanOn.clear();
        for (String path : List.of("/blocking-future", "/blocking-future-later")) {
            try (var c = RawHttp.connect(platform.port())) {
                assertThat(c.exchange(get(path)).status()).isEqualTo(200);
            }
            assertThat(ROUTES.blockingRanOn.poll(1, java.util.concurrent.TimeUnit.SECONDS)).matches("brisk-worker-\\d+\\|plain\\|platform");
        }
    }

    @Test
    void aBlockingFutureMethodAnswersWithTheFuturesValue() {
        assertThat(body(platform, "/blocking-future")).matches("brisk-worker-\\d+\\|plain\\|platform");
        assertThat(body(platform, "/blocking-future-later")).matches("brisk-worker-\\d+\\|plain\\|platform");
    }

    @Test
    void aFutureCompletedOnAnotherThreadIsWritten() {
        try (var c = RawHttp.connect(platform.port())) {
            for (int i = 0; i < 3; i++) {
                var r = c.exchange(get("/foreign"));
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("{\"done\":\"by foreign-completer\"}");
            }
            c.send(get("/foreign") + get("/loop") + get("/foreign-failure") + get("/plain"));
            assertThat(c.read().text()).contains("foreign-completer");
            assertThat(c.read().text()).startsWith("brisk-loop-");
            var failed = c.read();
            assertThat(failed.status()).isEqualTo(409);
            assertThat(failed.text()).isEqualTo("{\"detail\":\"conflict from afar\"}");
            assertThat(c.read().text()).startsWith("brisk-worker-");
        }
    }

    @Test
    void plainRoutesRunOnVirtualThreadsWhenAsked() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+");
        var routes = new Routes();
        Server s = TestServers.start(b -> b.workers(Workers.virtual(100)), routes);
        try {
            assertThat(body(s, "/plain")).matches("brisk-vt-\\d+\\|plain\\|virtual");
            try (var c = RawHttp.connect(s.port())) {
                assertThat(c.exchange(get("/blocking-future")).status()).isEqualTo(200);
            }
            assertThat(routes.blockingRanOn.poll(1, java.util.concurrent.TimeUnit.SECONDS)).matches("brisk-vt-\\d+\\|plain\\|virtual");
            assertThat(body(s, "/loop")).matches("brisk-loop-\\d+-\\d+\\|netty\\|platform");
        } finally {
            s.close(Duration.ZERO);
        }
    }

    @Test
    void virtualWorkersFailClearlyBeforeJava21() {
        assumeTrue(Runtime.version().feature() < 21, "only before Java 21");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServers.start(b -> b.workers(Workers.virtual(10)), new Routes()))
                .hasMessageContaining("Java 21");
    }
}
