package dev.brisk.observability;

import dev.brisk.App;
import dev.brisk.BackgroundTasks;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Provides;
import dev.brisk.test.TestClient;
import dev.brisk.Workers;
import io.opentelemetry.api.trace.Span;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Span.current() inside a handler (worker or event loop) and its providers is the request's server span; never a neighbour's. */
class CurrentSpanInHandlersTest {
    public record Caller(String spanId) {}

    public static class Spans {
        final CopyOnWriteArrayList<String> after = new CopyOnWriteArrayList<>();

        @Provides
        public static Caller caller() {
            return new Caller(Span.current().getSpanContext().getSpanId());
        }

        @Get("/worker")
        public Map<String, String> worker(@Depends Caller caller) {
            return Map.of("handler", Span.current().getSpanContext().getSpanId(), "provider", caller.spanId(),
                    "thread", Thread.currentThread().getName());
        }

        @Get("/loop")
        public CompletableFuture<Map<String, String>> loop() {
            return CompletableFuture.completedFuture(Map.of("handler", Span.current().getSpanContext().getSpanId(),
                    "thread", Thread.currentThread().getName()));
        }

        @Get("/background")
        public String background(BackgroundTasks tasks) {
            tasks.add(() -> after.add(Span.current().getSpanContext().isValid() ? "inside" : "outside"));
            return "ok";
        }
    }

    @Test
    void theHandlersSeeTheirOwnServerSpan() {
        try (var tracing = new TracingFixture()) {
            var routes = new Spans();
            var app = App.builder().include(routes).workers(Workers.platform(2, 10)).install(Tracing.of(tracing.otel())).build();
            try (var client = TestClient.of(app)) {
                for (int i = 0; i < 3; i++) {
                    tracing.exporter.reset();
                    var worker = client.get("/worker").json();
                    assertThat(worker.get("thread").asText()).startsWith("brisk-worker-");
                    String id = tracing.span("GET /worker").getSpanId();
                    assertThat(worker.get("handler").asText()).isEqualTo(id);
                    assertThat(worker.get("provider").asText()).isEqualTo(id);

                    var loop = client.get("/loop").json();
                    assertThat(loop.get("thread").asText()).doesNotStartWith("brisk-worker-");
                    assertThat(loop.get("handler").asText()).isEqualTo(tracing.span("GET /loop").getSpanId());
                }
                // Nothing leaks onto the threads afterwards: a background task runs outside the request's span.
                client.get("/background");
            }
            assertThat(routes.after).containsExactly("outside");
        }
    }
}
