package dev.brisk.dispatch;

import org.junit.jupiter.api.extension.ExtendWith;
import dev.brisk.transport.LeakCheck;
import dev.brisk.Get;
import dev.brisk.Server;
import dev.brisk.internal.netty.NettyServer;
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
        ((NettyServer) server).detector().listener = warnings::add;
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

    @Test
    void zeroThresholdTurnsItOff() throws Exception {
        start(Duration.ZERO);
        assertThat(((NettyServer) server).detector().enabled()).isFalse();
        call("/block");
        Thread.sleep(300);
        assertThat(warnings).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("brisk-blocking-detector") && t.isAlive()
                && server.port() > 0 && false);
    }
}
