package dev.brisk.transport;

import org.junit.jupiter.api.extension.ExtendWith;
import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.OnShutdown;
import dev.brisk.Server;
import dev.brisk.Workers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/** Server.close(): serve what reached the server (with Connection: close), stop accepting, close idle connections, then hooks. */
@ExtendWith(LeakCheck.class)
class GracefulShutdownTest {
    public static class Routes {
        final Semaphore started = new Semaphore(0);
        final List<String> events;

        Routes(List<String> events) {
            this.events = events;
        }

        @Get("/work")
        public String work(int ms) throws InterruptedException {
            started.release();
            Thread.sleep(ms);
            events.add("finished " + ms);
            return "worked " + ms;
        }

        @Get("/loop-work")
        public CompletableFuture<String> loopWork(int ms) {
            started.release();
            return dev.brisk.Async.sleep(Duration.ofMillis(ms)).thenApply(v -> "loop worked " + ms);
        }

        @OnShutdown
        public void stopped() {
            events.add("@OnShutdown");
        }
    }

    final List<String> events = new CopyOnWriteArrayList<>();
    final Routes routes = new Routes(events);

    Server start(Duration grace) {
        return TestServers.start(b -> b.shutdownGrace(grace).workers(Workers.platform(8, 8))
                .onShutdown(() -> events.add("builder hook")), routes, new TestRoutes());
    }

    static CompletableFuture<Long> closeInBackground(Server s) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            s.close();
            return (System.nanoTime() - start) / 1_000_000;
        });
    }

    @Test
    void inFlightRequestsAllCompleteWithConnectionClose() throws Exception {
        var before = BriskThreads.live();
        Server s = start(Duration.ofSeconds(5));
        var conns = new ArrayList<RawHttp>();
        for (int i = 0; i < 4; i++) conns.add(RawHttp.connect(s.port()).send(get("/work?ms=" + (400 + i * 50))));
        conns.add(RawHttp.connect(s.port()).send(get("/loop-work?ms=400")));
        assertThat(routes.started.tryAcquire(5, 5, TimeUnit.SECONDS)).isTrue();
        var closing = closeInBackground(s);
        for (int i = 0; i < conns.size(); i++) {
            var r = conns.get(i).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo(i < 4 ? "worked " + (400 + i * 50) : "loop worked 400");
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(conns.get(i).closedByServer(Duration.ofSeconds(2))).isTrue();
            conns.get(i).close();
        }
        long tookMs = closing.get(5, TimeUnit.SECONDS);
        assertThat(tookMs).as("returns once drained, not after the full grace").isLessThan(3000);
        // shutdown hooks ran after the in-flight work, builder hooks before @OnShutdown methods
        assertThat(events).containsSubsequence("finished 400", "finished 550", "builder hook", "@OnShutdown");
        assertThat(events.indexOf("builder hook")).isGreaterThan(events.indexOf("finished 550"));
        assertThat(BriskThreads.leftSince(before)).isEmpty();
    }

    @Test
    void newConnectionsAreRefusedOnceCloseBegins() throws Exception {
        Server s = start(Duration.ofSeconds(5));
        int port = s.port();
        try (var busy = RawHttp.connect(port).send(get("/work?ms=1500"))) {
            assertThat(routes.started.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            var closing = closeInBackground(s);
            // The listener closes once the accept queue is empty, well before the in-flight request ends.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            boolean refused = false;
            while (!refused && System.nanoTime() < deadline) {
                try (var probe = new Socket("127.0.0.1", port)) {
                    Thread.sleep(20);
                } catch (ConnectException e) {
                    refused = true;
                }
            }
            assertThat(refused).as("connections refused while the in-flight request still runs").isTrue();
            assertThat(closing).isNotDone();
            assertThat(busy.read().status()).isEqualTo(200);
            closing.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void idleKeepAliveConnectionsAreClosedAtOnce() throws Exception {
        Server s = start(Duration.ofSeconds(5));
        try (var idle = RawHttp.connect(s.port())) {
            assertThat(idle.exchange(get("/work?ms=0")).status()).isEqualTo(200);
            var closing = closeInBackground(s);
            assertThat(idle.closedByServer(Duration.ofSeconds(1))).isTrue();
            assertThat(closing.get(5, TimeUnit.SECONDS)).isLessThan(2000);
        }
    }

    @Test
    void aRequestArrivingOnABusyConnectionDuringDrainIsServedAndTheConnectionThenCloses() throws Exception {
        Server s = start(Duration.ofSeconds(5));
        try (var c = RawHttp.connect(s.port())) {
            c.send(get("/work?ms=500"));
            assertThat(routes.started.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            var closing = closeInBackground(s);
            Thread.sleep(100);
            c.send(get("/work?ms=0"));
            var first = c.read();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.text()).isEqualTo("worked 500");
            assertThat(first.header("connection")).isNull();   // the second request was already queued behind it
            var second = c.read();
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.text()).isEqualTo("worked 0");
            assertThat(second.header("connection")).isEqualTo("close");
            assertThat(c.closedByServer(Duration.ofSeconds(2))).isTrue();
            closing.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRequestWhoseBodyIsStillArrivingIsServedWhenItCompletes() throws Exception {
        Server s = start(Duration.ofSeconds(5));
        try (var c = RawHttp.connect(s.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nab");
            Thread.sleep(100);
            var closing = closeInBackground(s);
            Thread.sleep(100);
            c.send("cd");
            var r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("abcd");
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(c.closedByServer(Duration.ofSeconds(2))).isTrue();
            closing.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void whatIsLeftAfterTheGraceIsClosed() throws Exception {
        var before = BriskThreads.live();
        Server s = start(Duration.ofMillis(300));
        try (var c = RawHttp.connect(s.port())) {
            c.send(get("/work?ms=5000"));
            assertThat(routes.started.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            long took = closeInBackground(s).get(5, TimeUnit.SECONDS);
            assertThat(took).isBetween(250L, 3000L);
            assertThat(c.closedByServer(Duration.ofSeconds(2))).isTrue();
        }
        assertThat(events).contains("builder hook", "@OnShutdown");
        assertThat(BriskThreads.leftSince(before)).isEmpty();
    }

    @Test
    void closeIsIdempotent() throws Exception {
        Server s = start(Duration.ofSeconds(5));
        try (var c = RawHttp.connect(s.port()).send(get("/work?ms=300"))) {
            assertThat(routes.started.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            var first = closeInBackground(s);
            var second = closeInBackground(s);
            Thread.sleep(50);
            assertThat(second).isNotDone(); // waits for the first to finish
            first.get(5, TimeUnit.SECONDS);
            second.get(5, TimeUnit.SECONDS);
            s.close();
            assertThat(c.read().status()).isEqualTo(200);
        }
        assertThat(events.stream().filter("builder hook"::equals).count()).isEqualTo(1);
        assertThat(events.stream().filter("@OnShutdown"::equals).count()).isEqualTo(1);
        s.awaitStop();
    }

    @Test
    void aFailingShutdownHookDoesNotStopTheOthers() throws Exception {
        Server s = App.builder().eventLoops(1).docs(false).include(routes)
                .onShutdown(() -> {
                    throw new IOException("hook broke");
                })
                .onShutdown(() -> events.add("second builder hook"))
                .build().start("127.0.0.1", 0);
        s.close();
        assertThat(events).containsExactly("second builder hook", "@OnShutdown");
    }
}
