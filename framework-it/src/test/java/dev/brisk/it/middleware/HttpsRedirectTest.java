package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.HttpsRedirect;
import dev.brisk.Server;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain-HTTP requests are redirected to HTTPS with 308; X-Forwarded-Proto counts only from a trusted
 * proxy, by its address (so the trusted cases run over a real socket from 127.0.0.1).
 */
class HttpsRedirectTest {
    static App app(HttpsRedirect redirect) {
        return App.builder().middleware(redirect)
                .route("GET", "/items", req -> "served over https")
                .route("POST", "/items", req -> "posted").build();
    }

    @Test
    void plainRequestsAreRedirectedKeepingHostPathAndQuery() {
        try (var c = TestClient.of(app(HttpsRedirect.behindProxies("10.0.0.0/8")))) {
            var r = c.get("http://example.com/items?page=2&q=a%20b");
            assertThat(r).hasStatus(308).hasHeader("Location", "https://example.com/items?page=2&q=a%20b");
            assertThat(r.bytes()).isEmpty();
            assertThat(c.request("POST", "http://example.com/items").send())
                    .as("308 keeps the method, so a POST is redirected too").hasStatus(308).hasHeader("Location", "https://example.com/items");
            assertThat(c.get("http://example.com:8080/items")).hasHeader("Location", "https://example.com/items");
            assertThat(c.get("http://[2001:db8::1]:8080/")).hasHeader("Location", "https://[2001:db8::1]/");
            assertThat(c.get("http://example.com./x")).hasHeader("Location", "https://example.com/x");
        }
    }

    @Test
    void theHttpsPortIsConfigurable() {
        try (var c = TestClient.of(app(HttpsRedirect.behindProxies().httpsPort(8443)))) {
            assertThat(c.get("http://example.com:8080/items")).hasStatus(308).hasHeader("Location", "https://example.com:8443/items");
        }
    }

    @Test
    void aForwardedProtoFromAnUntrustedPeerIsIgnored() {
        // The TestClient's in-VM connection has no IP address: it is never a trusted proxy.
        try (var c = TestClient.of(app(HttpsRedirect.behindProxies("127.0.0.1", "10.0.0.0/8")))) {
            var r = c.request("GET", "http://example.com/items").header("X-Forwarded-Proto", "https").send();
            assertThat(r).hasStatus(308);
        }
    }

    @Test
    void aMalformedHostIs400() {
        try (var c = TestClient.of(app(HttpsRedirect.behindProxies()))) {
            assertThat(c.request("GET", "/items").header("Host", "evil.com/x").send()).hasStatus(400)
                    .hasJsonBody("{\"detail\":\"Invalid host header\"}");
        }
    }

    private static String get(Server s, String forwardedProto) {
        String xfp = forwardedProto == null ? "" : "X-Forwarded-Proto: " + forwardedProto + "\r\n";
        var r = RawClient.send(s.port(), "GET /items?x=1 HTTP/1.1\r\nHost: shop.example.com\r\n" + xfp + "Connection: close\r\n\r\n");
        return r.status() == 308 ? "308 " + r.header("location") : r.status() + " " + r.body();
    }

    @Test
    void aTrustedProxySaysWhichRequestsCameOverHttps() {
        try (var server = app(HttpsRedirect.behindProxies("127.0.0.1")).start("127.0.0.1", 0)) {
            assertThat(get(server, "https")).isEqualTo("200 served over https");
            assertThat(get(server, "HTTPS")).isEqualTo("200 served over https");
            assertThat(get(server, "http")).isEqualTo("308 https://shop.example.com/items?x=1");
            assertThat(get(server, null)).isEqualTo("308 https://shop.example.com/items?x=1");
            // The nearest proxy appends its value last.
            assertThat(get(server, "http, https")).isEqualTo("200 served over https");
            assertThat(get(server, "https, http")).isEqualTo("308 https://shop.example.com/items?x=1");
        }
        try (var server = app(HttpsRedirect.behindProxies("127.0.0.0/8", "::1")).start("127.0.0.1", 0)) {
            assertThat(get(server, "https")).as("a CIDR block").isEqualTo("200 served over https");
        }
    }

    @Test
    void aPeerOutsideTheTrustedProxiesIsRedirectedWhateverItSays() {
        try (var server = app(HttpsRedirect.behindProxies("10.0.0.0/8", "127.0.0.2", "::1")).start("127.0.0.1", 0)) {
            assertThat(get(server, "https")).isEqualTo("308 https://shop.example.com/items?x=1");
        }
    }
}
