package docs.observability;

import dev.brisk.it.docs.DocSnippets;
import dev.brisk.test.TestClient;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityDocTest {
    @Test
    void snippetsAreThisCode() {
        DocSnippets.assertAllCompiled("docs/observability.md");
    }

    @Test
    void behavesAsDocumented() {
        var exporter = InMemorySpanExporter.create();
        var up = new AtomicBoolean(true);
        try (var sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
             var client = TestClient.of(Observed.app(sdk, up::get))) {
            assertThat(client.request("GET", "/orders/7").header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                    .send().text()).isEqualTo("order 7");
            var span = exporter.getFinishedSpanItems().get(0);
            assertThat(span.getName()).isEqualTo("GET /orders/{id}");
            assertThat(span.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(span.getAttributes().get(longKey("shop.order"))).isEqualTo(7L);
            String scrape = client.get("/metrics").text();
            assertThat(scrape).contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/orders/{id}\"} 1")
                    .contains("shop_orders_read_total 1.0");
            assertThat(client.get("/health/live").status()).isEqualTo(200);
            assertThat(client.get("/health/ready").text()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\"}}");
            up.set(false);
            assertThat(client.get("/health/ready").status()).isEqualTo(503);
        }
    }
}
