package docs.middleware;

import dev.brisk.App;
import dev.brisk.RequestId;
import dev.brisk.it.docs.DocSnippets;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class MiddlewareDocTest {
    @Test
    void snippetsAreThisCode() {
        DocSnippets.assertAllCompiled("docs/middleware.md");
    }

    @Test
    void timingAndApiKeys() {
        try (var c = TestClient.of(Timing.app())) {
            var refused = c.get("/hello");
            assertThat(refused).hasStatus(401).hasJsonBody("{\"detail\":\"Not authenticated\"}").hasHeader("X-Process-Time");
            var ok = c.request("GET", "/hello").header("X-API-Key", "key-1").send();
            assertThat(ok).hasStatus(200).hasJsonBody("{\"hello\":\"world\"}");
            assertThat(ok.header("X-Process-Time")).matches("\\d+us");
        }
    }

    @Test
    void routerAndRouteMiddleware() throws IOException {
        try (var c = TestClient.of(Scoped.app())) {
            assertThat(c.get("/account/me")).hasStatus(200).hasHeader("Cache-Control", "no-store");
            assertThat(c.get("/reports")).hasStatus(200).doesNotHaveHeader("Cache-Control");
            assertThat(c.request("GET", "/reports").header("Accept-Encoding", "gzip").send()).doesNotHaveHeader("Content-Encoding");
            var export = c.request("GET", "/reports/export").header("Accept-Encoding", "gzip").send();
            assertThat(export).hasHeader("Content-Encoding", "gzip");
            try (var in = new GZIPInputStream(new ByteArrayInputStream(export.bytes()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("month,total\n".repeat(500));
            }
        }
    }

    @Test
    void theProductionStack() {
        try (var c = TestClient.of(Stack.app())) {
            // The TestClient is no trusted proxy, so every request counts as plain HTTP.
            var r = c.request("GET", "http://api.example.com/items/1").header("Origin", "https://app.example.com").send();
            assertThat(r).hasStatus(308).hasHeader("Location", "https://api.example.com/items/1")
                    .hasHeader("X-Request-ID").doesNotHaveHeader("Access-Control-Allow-Origin");   // answered before Cors
            assertThat(c.get("http://evil.example/items/1")).hasStatus(400).hasHeader("X-Request-ID");
        }
    }

    @Test
    void theBuiltinSnippets() {
        var app = App.builder()
                .middleware(Builtins.accessLog(), RequestId.create(), Builtins.trustedHost(), Builtins.cors(), Builtins.gzip())
                .include(new Builtins()).build();
        try (var c = TestClient.of(app)) {
            var order = c.request("GET", "http://localhost/orders/7").header("X-Request-ID", "req-1").send();
            assertThat(order).hasStatus(200).hasJsonBody("{\"id\":7,\"request\":\"req-1\"}").hasHeader("X-Request-ID", "req-1");
            var preflight = c.request("OPTIONS", "http://localhost/orders/7").header("Origin", "http://localhost:5173")
                    .header("Access-Control-Request-Method", "DELETE").header("Access-Control-Request-Headers", "authorization").send();
            assertThat(preflight).hasStatus(204).hasHeader("Access-Control-Max-Age", "3600")
                    .hasHeader("Access-Control-Allow-Origin", "http://localhost:5173");
            assertThat(c.get("http://[::1]:8000/orders/1")).hasStatus(200);
            assertThat(c.get("http://example.org/orders/1")).hasStatus(400);
        }
        try (var c = TestClient.of(App.builder().middleware(Builtins.httpsRedirect()).include(new Builtins()).build())) {
            assertThat(c.get("http://example.com/orders/1")).hasStatus(308).hasHeader("Location", "https://example.com/orders/1");
        }
    }
}
