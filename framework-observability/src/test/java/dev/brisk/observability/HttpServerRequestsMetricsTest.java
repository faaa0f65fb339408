package dev.brisk.observability;

import dev.brisk.App;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** http.server.requests: one series per method, route template, status and outcome; never the raw path. */
class HttpServerRequestsMetricsTest {
    private static final String COUNT = "http_server_requests_seconds_count";

    @Test
    void requestsAreCountedByRouteTemplateStatusAndOutcome() {
        var app = App.builder().include(new ShopRoutes()).install(Metrics.prometheus()).build();
        try (var client = TestClient.of(app, TestClient.Options.defaults().raiseServerExceptions(false))) {
            assertThat(client.get("/items/7").status()).isEqualTo(200);
            assertThat(client.get("/items/8").status()).isEqualTo(200);
            assertThat(client.head("/items/9").status()).isEqualTo(200);
            assertThat(client.get("/items/0").status()).isEqualTo(404);          // the handler's 404: the route is known
            assertThat(client.get("/items/abc").status()).isEqualTo(422);
            assertThat(client.get("/items/5/later").status()).isEqualTo(200);
            assertThat(client.post("/items", Map.of("name", "", "price", 1)).status()).isEqualTo(422);
            assertThat(client.post("/items", Map.of("name", "x", "price", 1)).status()).isEqualTo(201);
            assertThat(client.get("/items/broken").status()).isEqualTo(500);
            assertThat(client.get("/nowhere/123").status()).isEqualTo(404);     // no route
            assertThat(client.get("/nowhere/456").status()).isEqualTo(404);
            assertThat(client.delete("/items/7").status()).isEqualTo(405);
            assertThat(client.request("BREW", "/nowhere").send().status()).isIn(404, 405, 501);

            String scrape = client.get("/metrics").text();
            assertThat(Prometheus.value(scrape, COUNT, "method=\"GET\"", "outcome=\"SUCCESS\"", "status=\"200\"", "uri=\"/items/{id}\"")).isEqualTo(2.0);
            assertThat(Prometheus.value(scrape, COUNT, "method=\"HEAD\"", "outcome=\"SUCCESS\"", "status=\"200\"", "uri=\"/items/{id}\"")).isEqualTo(1.0);
            assertThat(Prometheus.value(scrape, COUNT, "method=\"GET\"", "outcome=\"CLIENT_ERROR\"", "status=\"404\"", "uri=\"/items/{id}\"")).isEqualTo(1.0);
            assertThat(Prometheus.value(scrape, COUNT, "method=\"GET\"", "outcome=\"CLIENT_ERROR\"", "status=\"422\"", "uri=\"/items/{id}\"")).isEqualTo(1.0);
            assertThat(Prometheus.value(scrape, COUNT, "method=\"GET\"", "outcome=\"SUCCESS\"", "status=\"200\"", "uri=\"/items/{id}/later\"")).isEqualTo(1.0);
            assertThat(Prometheus.value(scrape, COUNT, "method=\"POST\"", "outcome=\"CLIENT_ERROR\"", "status=\"422\"", "uri=\"/items\"")).isEqualTo(1.0);
            assertThat(Prometheus.value(scrape, COUNT, "method=\"POST\"", "outcome=\"SUCCESS\"", "status=\"201\"", "uri=\"/items\"")).isEqualTo(1.0);
            assertThat(Prometheus.value(scrape, COUNT, "method=\"GET\"", "outcome=\"SERVER_ERROR\"", "status=\"500\"", "uri=\"/items/broken\"")).isEqualTo(1.0);
            // Requests without a route share one fixed label, whatever their path.
            assertThat(Prometheus.value(scrape, COUNT, "method=\"GET\"", "outcome=\"CLIENT_ERROR\"", "status=\"404\"", "uri=\"NOT_FOUND\"")).isEqualTo(2.0);
            assertThat(Prometheus.value(scrape, COUNT, "method=\"DELETE\"", "outcome=\"CLIENT_ERROR\"", "status=\"405\"", "uri=\"UNKNOWN\"")).isEqualTo(1.0);
            // A made-up method does not make a series of its own.
            assertThat(scrape).doesNotContain("BREW").contains("method=\"_OTHER\"");
            // The raw paths never become labels.
            assertThat(scrape).doesNotContain("/items/7").doesNotContain("/items/abc").doesNotContain("/nowhere");
            // Durations are recorded, not just counts.
            assertThat(Prometheus.value(scrape, "http_server_requests_seconds_sum", "method=\"GET\"", "outcome=\"SUCCESS\"", "status=\"200\"", "uri=\"/items/{id}\""))
                    .isGreaterThan(0.0);
            assertThat(Prometheus.value(scrape, "http_server_requests_seconds_max", "method=\"GET\"", "outcome=\"SUCCESS\"", "status=\"200\"", "uri=\"/items/{id}\""))
                    .isGreaterThan(0.0);
            // The scrape itself is in flight while it is answered.
            assertThat(Prometheus.value(scrape, "http_server_requests_active")).isEqualTo(1.0);

            String again = client.get("/metrics").text();
            assertThat(Prometheus.value(again, COUNT, "method=\"GET\"", "outcome=\"SUCCESS\"", "status=\"200\"", "uri=\"/metrics\"")).isEqualTo(1.0);
        }
    }

    @Test
    void histogramBucketsWhenAskedFor() {
        var app = App.builder().include(new ShopRoutes()).install(Metrics.prometheus().histogram(true)).build();
        try (var client = TestClient.of(app)) {
            client.get("/items/1");
            String scrape = client.get("/metrics").text();
            assertThat(Prometheus.lines(scrape, "http_server_requests_seconds_bucket"))
                    .anySatisfy(l -> assertThat(l).contains("uri=\"/items/{id}\"").contains("le=\"+Inf\""));
        }
    }
}
