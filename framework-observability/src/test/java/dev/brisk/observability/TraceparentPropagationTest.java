package dev.brisk.observability;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.test.TestClient;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** W3C traceparent in (the span's parent) and out (what a handler passes on to the services it calls). */
class TraceparentPropagationTest {
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PARENT_ID = "00f067aa0ba902b7";

    public static class Calls {
        /** What an instrumented HTTP client would send downstream from this handler. */
        @Get("/outgoing")
        public Map<String, String> outgoing() {
            var headers = new LinkedHashMap<String, String>();
            W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
            return headers;
        }

        @Get("/outgoing-async")
        public CompletableFuture<Map<String, String>> outgoingAsync() {
            return CompletableFuture.completedFuture(outgoing());
        }

        @Get("/span")
        public String span() {
            return Span.current().getSpanContext().getSpanId();
        }
    }

    @Test
    void anIncomingTraceparentIsTheParentAndOutgoingCallsCarryTheServerSpan() {
        try (var tracing = new TracingFixture()) {
            var app = App.builder().include(new Calls()).install(Tracing.of(tracing.otel())).build();
            try (var client = TestClient.of(app)) {
                for (String path : new String[] {"/outgoing", "/outgoing-async"}) {
                    tracing.exporter.reset();
                    var res = client.request("GET", path)
                            .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01")
                            .header("tracestate", "vendor=opaque")
                            .send();
                    assertThat(res.status()).isEqualTo(200);
                    SpanData server = tracing.spans().get(0);
                    assertThat(server.getTraceId()).as(path).isEqualTo(TRACE_ID);
                    assertThat(server.getParentSpanId()).isEqualTo(PARENT_ID);
                    assertThat(server.getParentSpanContext().isRemote()).isTrue();
                    assertThat(server.getSpanContext().getTraceState().get("vendor")).isEqualTo("opaque");
                    // Outgoing: same trace, the server span as the parent, the trace state kept.
                    assertThat(res.json().get("traceparent").asText()).isEqualTo("00-" + TRACE_ID + "-" + server.getSpanId() + "-01");
                    assertThat(res.json().get("tracestate").asText()).isEqualTo("vendor=opaque");
                }
            }
        }
    }

    @Test
    void anUnsampledParentIsRespected() {
        try (var tracing = new TracingFixture()) {
            var app = App.builder().include(new Calls()).install(Tracing.of(tracing.otel())).build();
            try (var client = TestClient.of(app)) {
                var res = client.request("GET", "/outgoing").header("traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-00").send();
                assertThat(res.json().get("traceparent").asText()).startsWith("00-" + TRACE_ID + "-").endsWith("-00");
                assertThat(tracing.spans()).isEmpty();   // the SDK's default sampler follows the parent
            }
        }
    }

    @Test
    void withoutOrWithABrokenTraceparentANewTraceStarts() {
        try (var tracing = new TracingFixture()) {
            var app = App.builder().include(new Calls()).install(Tracing.of(tracing.otel())).build();
            try (var client = TestClient.of(app)) {
                assertThat(client.get("/span").status()).isEqualTo(200);
                assertThat(client.request("GET", "/span").header("traceparent", "00-zz-not-a-trace").send().status()).isEqualTo(200);
                assertThat(client.request("GET", "/span").header("traceparent", "00-" + "0".repeat(32) + "-" + PARENT_ID + "-01").send().status())
                        .isEqualTo(200);
            }
            assertThat(tracing.spans()).hasSize(3).allSatisfy(s -> {
                assertThat(s.getParentSpanContext().isValid()).isFalse();
                assertThat(s.getTraceId()).isNotEqualTo(TRACE_ID);
            });
            assertThat(tracing.spans().stream().map(SpanData::getTraceId).distinct()).hasSize(3);
        }
    }
}
