package dev.brisk.observability;

import dev.brisk.App;
import dev.brisk.test.TestClient;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

/** One SERVER span per request, named by the route template, with the HTTP semantic-convention attributes. */
class ServerSpanTest {
    @Test
    void aSpanPerRequestNamedByTheRouteTemplate() {
        try (var tracing = new TracingFixture()) {
            var app = App.builder().include(new ShopRoutes()).install(Tracing.of(tracing.otel())).build();
            long before = System.currentTimeMillis();
            try (var client = TestClient.of(app, TestClient.Options.defaults().raiseServerExceptions(false))) {
                assertThat(client.request("GET", "/items/7").query("secret", "s3cr3t").header("User-Agent", "probe/1").send().status()).isEqualTo(200);
                assertThat(client.get("/items/5/later").status()).isEqualTo(200);
                assertThat(client.get("/items/abc").status()).isEqualTo(422);
                assertThat(client.get("/items/broken").status()).isEqualTo(500);
                assertThat(client.get("/nowhere").status()).isEqualTo(404);
                assertThat(client.request("BREW", "/nowhere").send().status()).isIn(404, 405, 501);
                assertThat(client.head("/items/3").status()).isEqualTo(200);
            }
            long after = System.currentTimeMillis();

            SpanData read = only(tracing, "/items/7");
            assertThat(read.getName()).isEqualTo("GET /items/{id}");
            assertThat(read.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(read.getParentSpanContext().isValid()).isFalse();
            var a = read.getAttributes();
            assertThat(a.get(stringKey("http.request.method"))).isEqualTo("GET");
            assertThat(a.get(stringKey("http.route"))).isEqualTo("/items/{id}");
            assertThat(a.get(stringKey("url.path"))).isEqualTo("/items/7");
            assertThat(a.get(stringKey("url.scheme"))).isEqualTo("http");
            assertThat(a.get(longKey("http.response.status_code"))).isEqualTo(200L);
            assertThat(a.get(stringKey("network.protocol.version"))).isEqualTo("1.1");
            assertThat(a.get(stringKey("user_agent.original"))).isEqualTo("probe/1");
            assertThat(a.get(stringKey("server.address"))).isNotBlank();
            assertThat(a.asMap().toString()).doesNotContain("s3cr3t");   // the query is never recorded
            assertThat(read.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
            assertThat(TimeUnit.NANOSECONDS.toMillis(read.getStartEpochNanos())).isBetween(before - 1000, after + 1000);
            assertThat(read.getEndEpochNanos()).isGreaterThanOrEqualTo(read.getStartEpochNanos());

            SpanData later = only(tracing, "/items/5/later");
            assertThat(later.getName()).isEqualTo("GET /items/{id}/later");
            // The event-loop route's span covers its future: it ends after the 1 ms sleep.
            assertThat(later.getEndEpochNanos() - later.getStartEpochNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1));

            SpanData invalid = only(tracing, "/items/abc");
            assertThat(invalid.getName()).isEqualTo("GET /items/{id}");
            assertThat(invalid.getAttributes().get(longKey("http.response.status_code"))).isEqualTo(422L);
            assertThat(invalid.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);   // a client error is not the server's

            SpanData broken = only(tracing, "/items/broken");
            assertThat(broken.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(broken.getAttributes().get(stringKey("error.type"))).isEqualTo("500");

            SpanData notFound = only(tracing, "/nowhere", "GET");
            assertThat(notFound.getName()).isEqualTo("GET");   // no route: the method alone
            assertThat(notFound.getAttributes().get(stringKey("http.route"))).isNull();
            assertThat(notFound.getAttributes().get(longKey("http.response.status_code"))).isEqualTo(404L);

            SpanData brew = only(tracing, "/nowhere", "_OTHER");
            assertThat(brew.getName()).isEqualTo("HTTP");
            assertThat(brew.getAttributes().get(stringKey("http.request.method_original"))).isEqualTo("BREW");
            assertThat(only(tracing, "/items/3").getName()).isEqualTo("HEAD /items/{id}");   // HEAD on the GET route
            assertThat(tracing.spans()).hasSize(7);
        }
    }

    private static SpanData only(TracingFixture t, String path) {
        var found = t.spans().stream().filter(s -> path.equals(s.getAttributes().get(stringKey("url.path")))).toList();
        assertThat(found).as("spans of " + path).hasSize(1);
        return found.get(0);
    }

    private static SpanData only(TracingFixture t, String path, String method) {
        var found = t.spans().stream().filter(s -> path.equals(s.getAttributes().get(stringKey("url.path")))
                && method.equals(s.getAttributes().get(stringKey("http.request.method")))).toList();
        assertThat(found).as("spans of " + method + " " + path).hasSize(1);
        return found.get(0);
    }
}
