package dev.brisk.dispatch;

import org.junit.jupiter.api.extension.ExtendWith;
import dev.brisk.transport.LeakCheck;
import dev.brisk.Async;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Server;
import dev.brisk.Workers;
import dev.brisk.transport.RawHttp;
import dev.brisk.transport.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Async.sleep, Async.offload and Async.gather, on the event loop and off it. */
@ExtendWith(LeakCheck.class)
class AsyncHelpersTest {
    public static class Routes {
        @Get("/sleep")
        public CompletableFuture<String> sleep(int ms) {
            String before = Thread.currentThread().getName();
            return Async.sleep(Duration.ofMillis(ms)).thenApply(v -> before + ">" + Thread.currentThread().getName());
        }

        @Get("/offload")
        public CompletableFuture<String> offload() {
            String before = Thread.currentThread().getName();
            return Async.offload(() -> Thread.currentThread().getName())
                    .thenApply(worker -> before + ">" + worker + ">" + Thread.currentThread().getName());
        }

        @Get("/offload-fails")
        public CompletableFuture<String> offloadFails() {
            return Async.offload(() -> {
                throw new HttpException(418, "teapot");
            });
        }

        @Get("/gather")
        public CompletableFuture<List<Object>> gather() {
            return Async.gather(
                    Async.sleep(Duration.ofMillis(60)).thenApply(v -> "slow"),
                    Async.offload(() -> 2),
                    CompletableFuture.completedFuture("now"));
        }

        @Get("/gather-fails")
        public CompletableFuture<List<Object>> gatherFails() {
            return Async.gather(
                    Async.sleep(Duration.ofSeconds(5)).thenApply(v -> "never"),
                    Async.sleep(Duration.ofMillis(20)).thenCompose(v -> CompletableFuture.failedFuture(new HttpException(409, "first failure"))));
        }
    }

    static Server server;

    @BeforeAll
    static void start() {
        server = TestServers.start(b -> b.eventLoops(1).workers(Workers.platform(4, 100)), new Routes());
    }

    @AfterAll
    static void stop() {
        server.close(Duration.ZERO);
    }

    @Test
    void sleepCompletesOnTheCallingLoopWithoutBlockingIt() throws Exception {
        int n = 50;
        var conns = new ArrayList<RawHttp>();
        try {
            for (int i = 0; i < n; i++) conns.add(RawHttp.connect(server.port()));
            long start = System.nanoTime();
            for (RawHttp c : conns) c.send(get("/sleep?ms=200"));
            for (RawHttp c : conns) {
                var r = c.read();
                assertThat(r.status()).isEqualTo(200);
                String[] threads = r.text().split(">");
                assertThat(threads[0]).startsWith("brisk-loop-");
                assertThat(threads[1]).isEqualTo(threads[0]);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            // 50 sleeps of 200 ms on one event loop: concurrent, not 10 s in a row
            assertThat(ms).isBetween(190L, 1500L);
        } finally {
            conns.forEach(RawHttp::close);
        }
    }

    @Test
    void offloadRunsOnAWorkerAndContinuesOnTheLoop() {
        try (var c = RawHttp.connect(server.port())) {
            String[] threads = c.exchange(get("/offload")).text().split(">");
            assertThat(threads[0]).startsWith("brisk-loop-");
            assertThat(threads[1]).startsWith("brisk-worker-");
            assertThat(threads[2]).isEqualTo(threads[0]);
            var failed = c.exchange(get("/offload-fails"));
            assertThat(failed.status()).isEqualTo(418);
            assertThat(failed.text()).isEqualTo("{\"detail\":\"teapot\"}");
        }
    }

    @Test
    void gatherKeepsOrderAndFailsFast() {
        try (var c = RawHttp.connect(server.port())) {
            assertThat(c.exchange(get("/gather")).text()).isEqualTo("[\"slow\",2,\"now\"]");
            long start = System.nanoTime();
            var failed = c.exchange(get("/gather-fails"));
            assertThat(failed.status()).isEqualTo(409);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
        }
    }

    @Test
    void helpersWorkOffTheEventLoopToo() throws Exception {
        long start = System.nanoTime();
        Async.sleep(Duration.ofMillis(50)).get(2, TimeUnit.SECONDS);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(45);
        assertThat(Async.offload(() -> 21 * 2).get(2, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(Async.gather(List.<CompletableFuture<Integer>>of()).get()).isEmpty();
        var order = Async.gather(Async.sleep(Duration.ofMillis(30)).thenApply(v -> 1), CompletableFuture.completedFuture(2)).get(2, TimeUnit.SECONDS);
        assertThat(order).containsExactly(1, 2);
        var never = new CompletableFuture<Integer>();
        var failing = Async.gather(never, CompletableFuture.<Integer>failedFuture(new IllegalStateException("boom")));
        assertThatThrownBy(() -> failing.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(failing::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("boom");
    }

    @Test
    void negativeSleepCompletesAtOnce() throws Exception {
        Async.sleep(Duration.ofMillis(-5)).get(1, TimeUnit.SECONDS);
    }
}
