package dev.brisk.dispatch;

import org.junit.jupiter.api.extension.ExtendWith;
import dev.brisk.transport.LeakCheck;
import dev.brisk.Get;
import dev.brisk.Server;
import dev.brisk.internal.app.RunningServer;
import dev.brisk.transport.RawHttp;
import dev.brisk.transport.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/** The blocking detector warns once, naming the route and where it blocked; it is silent otherwise. */
@ExtendWith(LeakCheck.class)
class BlockingDetectorTest {
    public static class Routes {
        @Get("/block")
        public CompletableFuture<String> block() throws InterruptedException {
            Thread.sleep(300);
            return CompletableFuture.completedFuture("blocked");
        }

        @Get("/late")
        public CompletableFuture<String> late() {
            return dev.brisk.Async.sleep(Duration.ofMillis(10)).thenApply(v -> {
                try {
                    Thread.sleep(300); // blocks in a continuation, after the handler returned
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "late";
            });
        }

        @Get("/fast")
        public CompletableFuture<String> fast() {
            return CompletableFuture.completedFuture("fast");
        }

        @Get("/plain-blocking")
        public String plainBlocking() throws InterruptedException {
            Thread.sleep(300);
            return "fine on a worker";
        }
    }

    private Server server;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private void start(Duration threshold) {
        server = TestServers.start(b -> b.eventLoops(1).blockingThreshold(threshold), new Routes());
        ((RunningServer) server).detector().listener = warnings::add;
    }

    @AfterEach
    void stop() {
        if (server != null) server.close(Duration.ZERO);
    }

    private void call(String path) {
        try (var c = RawHttp.connect(server.port())) {
            assertThat(c.exchange(get(path)).status()).isEqualTo(200);
        }
    }

    @Test
    void aBlockedEventLoopRouteIsReportedOnceWithRouteStackAndAdvice() throws Exception {
        start(Duration.ofMillis(100));
        call("/block");
        Thread.sleep(300); // anything late would show up now
        assertThat(warnings).hasSize(1);
        String w = warnings.get(0);
        assertThat(w).contains("GET /block (Routes.block)");
        assertThat(w).contains("Thread.sleep");
        assertThat(w).contains("BlockingDetectorTest$Routes.block(");
        assertThat(w).containsIgnoringCase("make it a plain method").contains("Async.offload(...)");
        assertThat(w).containsPattern("blocked for at least \\d+ ms");
    }

    @Test
    void aBlockingContinuationIsReportedOnceWithTheRouteAsAHint() throws Exception {
        start(Duration.ofMillis(100));
        call("/fast");
        call("/late");
        Thread.sleep(300);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0))
                .contains("outside a route handler (the last event-loop route started on it: GET /late (Routes.late))")
                .contains("Thread.sleep")
                .contains("BlockingDetectorTest$Routes.lambda$late$");
    }

    @Test
    void eachStallIsReportedOnce() throws Exception {
        start(Duration.ofMillis(100));
        call("/block");
        call("/fast");
        call("/block");
        Thread.sleep(300);
        assertThat(warnings).hasSize(2);
    }

    @Test
    void fastAndWorkerRoutesAreNotReported() throws Exception {
        start(Duration.ofMillis(100));
        for (int i = 0; i < 20; i++) call("/fast");
        call("/plain-blocking");
        Thread.sleep(300);
        assertThat(warnings).isEmpty();
    }

    /** Blocks a bare event loop in JDK code only (a method reference leaves no application frame). */
    private List<String> stallWithoutApplicationCode(long ms) throws Exception {
        var group = new io.netty.channel.MultiThreadIoEventLoopGroup(1, io.netty.channel.nio.NioIoHandler.newFactory());
        var detector = new dev.brisk.internal.dispatch.BlockingDetector(Duration.ofMillis(100));
        var seen = new CopyOnWriteArrayList<String>();
        detector.listener = seen::add;
        try {
            var loops = new java.util.ArrayList<io.netty.channel.EventLoop>();
            group.forEach(e -> loops.add((io.netty.channel.EventLoop) e));
            detector.start(loops);
            Thread.sleep(100);
            var latch = new java.util.concurrent.CountDownLatch(1);
            loops.get(0).execute(latch::countDown); // warm the path up
            var stall = new java.util.concurrent.Semaphore(0);
            loops.get(0).execute(stall::acquireUninterruptibly);
            Thread.sleep(ms);
            stall.release();
            Thread.sleep(200);
        } finally {
            detector.stop();
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS).sync();
        }
        return seen;
    }

    @Test
    void aStallInFrameworkCodeOnlyIsNotBlamedOnTheApp() throws Exception {
        assertThat(stallWithoutApplicationCode(400)).isEmpty();
    }

    @Test
    void aVeryLongStallIsReportedWhateverItsStack() throws Exception {
        var seen = stallWithoutApplicationCode(1300);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).contains("outside a route handler").contains("Semaphore.acquireUninterruptibly");
    }

    @Test
    void zeroThresholdTurnsItOff() throws Exception {
        start(Duration.ZERO);
        assertThat(((RunningServer) server).detector().enabled()).isFalse();
        call("/block");
        Thread.sleep(300);
        assertThat(warnings).isEmpty();
    }
}
