package dev.brisk.observability;

import dev.brisk.App;
import dev.brisk.test.TestClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scrape endpoint: text format (or OpenMetrics when asked), a configurable path, the app's own registry. */
class PrometheusEndpointTest {
    @Test
    void classicTextFormatByDefaultAndOpenMetricsWhenAsked() {
        var app = App.builder().include(new ShopRoutes()).install(Metrics.prometheus()).build();
        try (var client = TestClient.of(app)) {
            client.get("/items/1");
            var text = client.get("/metrics");
            assertThat(text.status()).isEqualTo(200);
            assertThat(text.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(text.text()).contains("# TYPE http_server_requests_seconds summary");
            var open = client.request("GET", "/metrics")
                    .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5").send();
            assertThat(open.contentType()).startsWith("application/openmetrics-text");
            assertThat(open.text()).contains("http_server_requests_seconds_count{").endsWith("# EOF\n");
        }
    }

    @Test
    void theAppsOwnRegistryAndPath() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("shop.orders").increment(3);
        var app = App.builder().include(new ShopRoutes()).install(Metrics.into(registry).path("/internal/prometheus").jvm(false)).build();
        try (var client = TestClient.of(app)) {
            client.get("/items/1");
            assertThat(client.get("/metrics").status()).isEqualTo(404);
            String scrape = client.get("/internal/prometheus").text();
            assertThat(Prometheus.value(scrape, "shop_orders_total")).isEqualTo(3.0);
            assertThat(scrape).contains("uri=\"/items/{id}\"").doesNotContain("jvm_memory_used_bytes");
        }
        assertThat(registry.find("http.server.requests").tag("uri", "/items/{id}").timer().count()).isEqualTo(1);
    }

    @Test
    void anyRegistryWithoutTheEndpoint() {
        var registry = new SimpleMeterRegistry();
        var app = App.builder().include(new ShopRoutes()).install(Metrics.into(registry).withoutEndpoint()).build();
        try (var client = TestClient.of(app)) {
            client.get("/items/1");
            assertThat(client.get("/metrics").status()).isEqualTo(404);
        }
        assertThat(registry.find("http.server.requests").tag("status", "200").timer().count()).isEqualTo(1);
        assertThatThrownBy(() -> App.builder().install(Metrics.into(new SimpleMeterRegistry())).build())
                .hasMessageContaining("needs a PrometheusMeterRegistry").hasMessageContaining("withoutEndpoint()");
        assertThatThrownBy(() -> Metrics.prometheus().path("metrics")).hasMessageContaining("must start with '/'");
    }

    @Test
    void jvmAndServerMetricsAreThere() {
        var app = App.builder().include(new ShopRoutes()).install(Metrics.prometheus()).build();
        try (var client = TestClient.of(app)) {
            String scrape = client.get("/metrics").text();
            assertThat(scrape).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                    "process_uptime_seconds", "system_cpu_count", "jvm_gc_");
            assertThat(Prometheus.value(scrape, "brisk_workers_limit")).isPositive();
            assertThat(Prometheus.value(scrape, "brisk_workers_active")).isNotNull();
            assertThat(Prometheus.value(scrape, "brisk_workers_queued")).isEqualTo(0.0);
            assertThat(Prometheus.value(scrape, "brisk_workers_queue_capacity")).isNotNull();
            assertThat(Prometheus.value(scrape, "brisk_eventloop_stalls_total")).isEqualTo(0.0);
        }
    }
}
