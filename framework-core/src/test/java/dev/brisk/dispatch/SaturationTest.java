package dev.brisk.dispatch;

import org.junit.jupiter.api.extension.ExtendWith;
import dev.brisk.transport.LeakCheck;
import dev.brisk.Async;
import dev.brisk.Get;
import dev.brisk.Server;
import dev.brisk.Workers;
import dev.brisk.transport.RawHttp;
import dev.brisk.transport.TestServers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A full worker pool answers 503 with Retry-After at once, and recovers when handlers finish. */
@ExtendWith(LeakCheck.class)
class SaturationTest {
    public static class Routes {
        final Semaphore started = new Semaphore(0);
        volatile CountDownLatch release = new CountDownLatch(1);

        @Get("/block")
        public String block() throws InterruptedException {
            started.release();
            if (!release.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
            return "done";
        }

        @Get("/offload")
        public CompletableFuture<String> offload() {
            return Async.offload(this::block);
        }

        @Get("/loop")
        public CompletableFuture<String> loop() {
            return CompletableFuture.completedFuture("loop");
        }
    }

    @Test
    void platformPoolAndQueueFull() throws Exception {
        saturate(Workers.platform(2, 2), 2, 2, "/block");
    }

    @Test
    void virtualThreadLimitReached() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+");
        saturate(Workers.virtual(2), 2, 0, "/block");
    }

    @Test
    void offloadIntoAFullPool() throws Exception {
        saturate(Workers.platform(2, 2), 2, 2, "/offload");
    }

    private void saturate(Workers workers, int threads, int queue, String path) throws Exception {
        var routes = new Routes();
        Server server = TestServers.start(b -> b.workers(workers), routes);
        var open = new ArrayList<RawHttp>();
        try {
            for (int i = 0; i < threads; i++) {
                open.add(RawHttp.connect(server.port()).send(get(path)));
                assertThat(routes.started.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            }
            for (int i = 0; i < queue; i++) open.add(RawHttp.connect(server.port()).send(get(path)));
            Thread.sleep(200); // let the queued ones reach the queue
            for (int i = 0; i < 4; i++) {
                try (var extra = RawHttp.connect(server.port())) {
                    long start = System.nanoTime();
                    var r = extra.exchange(get(path));
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    assertThat(r.status()).isEqualTo(503);
                    assertThat(r.header("retry-after")).isEqualTo("1");
                    assertThat(r.text()).isEqualTo("{\"detail\":\"Service Unavailable\"}");
                    assertThat(ms).as("answered at once").isLessThan(1000);
                    // the connection stays usable, and event-loop routes still work
                    assertThat(extra.exchange(get("/loop")).text()).isEqualTo("loop");
                }
            }
            routes.release.countDown();
            for (RawHttp c : open) {
                var r = c.read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("done");
            }
            // recovered: new requests are served again
            try (var c = RawHttp.connect(server.port())) {
                for (int i = 0; i < threads + queue + 1; i++) assertThat(c.exchange(get(path)).text()).isEqualTo("done");
            }
        } finally {
            routes.release.countDown();
            open.forEach(RawHttp::close);
            server.close(Duration.ZERO);
        }
    }
}
