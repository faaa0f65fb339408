package dev.brisk.observability;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.test.TestClient;
import dev.brisk.Workers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** brisk.eventloop.stalls counts the blocking detector's reports; the worker gauges see a busy pool. */
class EventLoopStallsMetricTest {
    public static class Blocking {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Get("/block")
        public CompletableFuture<String> block() throws InterruptedException {
            Thread.sleep(300);   // blocks the event loop: what the detector reports
            return CompletableFuture.completedFuture("blocked");
        }

        @Get("/hold")
        public String hold() throws InterruptedException {
            entered.countDown();
            release.await(5, TimeUnit.SECONDS);
            return "held";
        }
    }

    @Test
    void stallsAndBusyWorkersShowUp() throws Exception {
        var registry = new SimpleMeterRegistry();
        var routes = new Blocking();
        var app = App.builder().include(routes).blockingThreshold(Duration.ofMillis(40)).workers(Workers.platform(3, 7))
                .install(Metrics.into(registry).withoutEndpoint().jvm(false)).build();
        try (var client = TestClient.of(app)) {
            assertThat(registry.get("brisk.workers.limit").gauge().value()).isEqualTo(3.0);
            assertThat(registry.get("brisk.workers.queue.capacity").gauge().value()).isEqualTo(7.0);
            assertThat(client.get("/block").text()).isEqualTo("blocked");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (registry.get("brisk.eventloop.stalls").functionCounter().count() < 1 && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(registry.get("brisk.eventloop.stalls").functionCounter().count()).isEqualTo(1.0);

            var held = CompletableFuture.supplyAsync(() -> client.get("/hold").text());
            assertThat(routes.entered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(registry.get("brisk.workers.active").gauge().value()).isGreaterThanOrEqualTo(1.0);
            assertThat(registry.get("http.server.requests.active").gauge().value()).isEqualTo(1.0);
            routes.release.countDown();
            assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("held");
            assertThat(registry.get("http.server.requests.active").gauge().value()).isEqualTo(0.0);
        }
        // A stopped server's stalls stay counted.
        assertThat(registry.get("brisk.eventloop.stalls").functionCounter().count()).isEqualTo(1.0);
        assertThat(registry.get("brisk.workers.limit").gauge().value()).isEqualTo(0.0);
    }
}
