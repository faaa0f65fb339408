package dev.brisk.it.websocket;

import dev.brisk.App;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketSession;
import dev.brisk.WebSocketSettings;
import dev.brisk.test.TestClient;
import dev.brisk.test.WebSocketDeniedException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Origin check against cross-site WebSocket hijacking: same-origin by default, or an allow-list; 403 before the handshake. */
class WebSocketOriginTest {
    public static class Routes {
        @WebSocket("/ws")
        public WebSocketListener ws() {
            return new WebSocketListener() {
                @Override
                public void onOpen(WebSocketSession s) {
                    s.sendText("ok");
                }
            };
        }
    }

    private static TestClient client(WebSocketSettings settings) {
        return TestClient.of(App.builder().webSockets(settings).include(new Routes()).build());
    }

    private static void allowed(TestClient c, String origin) {
        var r = c.websocket("/ws");
        if (origin != null) r.header("Origin", origin);
        try (var ws = r.connect()) {
            assertThat(ws.receiveText()).isEqualTo("ok");
        }
    }

    private static void refused(TestClient c, String origin) {
        var r = c.websocket("/ws");
        if (origin != null) r.header("Origin", origin);
        assertThatThrownBy(r::connect).isInstanceOfSatisfying(WebSocketDeniedException.class, e -> {
            assertThat(e.response().status()).isEqualTo(403);
            assertThat(e.response().text()).isEqualTo("{\"detail\":\"Forbidden: this origin may not open WebSockets here\"}");
        });
    }

    @Test
    void byDefaultOnlyTheServersOwnOriginAndClientsWithoutOneMayConnect() {
        try (var c = client(WebSocketSettings.defaults())) {
            allowed(c, null);
            allowed(c, "http://testserver");
            allowed(c, "https://TestServer");
            allowed(c, "http://testserver:80");
            refused(c, "https://evil.example");
            refused(c, "http://testserver:8080");
            refused(c, "null");
            refused(c, "not an origin");
        }
    }

    @Test
    void anAllowListTakesTheSameOriginsAsCors() {
        try (var c = client(WebSocketSettings.defaults().allowedOrigins(List.of("https://app.example.com", "http://localhost:3000")))) {
            allowed(c, "https://app.example.com");
            allowed(c, "https://app.example.com:443");
            allowed(c, "http://localhost:3000");
            refused(c, "http://testserver");
            refused(c, "https://app.example.com.evil.example");
        }
        try (var c = client(WebSocketSettings.defaults().allowedOrigins(List.of("*")))) {
            allowed(c, "https://anywhere.example");
        }
    }

    @Test
    void clientsWithoutAnOriginCanBeRefused() {
        try (var c = client(WebSocketSettings.defaults().allowMissingOrigin(false))) {
            refused(c, null);
            allowed(c, "http://testserver");
        }
    }

    @Test
    void aMalformedAllowListFailsAtOnce() {
        assertThatThrownBy(() -> WebSocketSettings.defaults().allowedOrigins(List.of("app.example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an origin");
        assertThat(WebSocketSettings.normalizeOrigin("HTTPS://App.Example.com:443/")).isEqualTo("https://app.example.com");
    }

    @Test
    void theCorsOriginsAreTheAllowListUnlessOneIsGiven() {
        var app = App.builder().include(new Routes())
                .middleware(dev.brisk.Cors.allowOrigins("https://app.example.com", "https://*.example.org")).build();
        try (var c = TestClient.of(app)) {
            allowed(c, "https://app.example.com");
            allowed(c, "https://docs.example.org");
            refused(c, "https://evil.example");
            refused(c, "https://example.org");
            refused(c, "http://testserver");   // an allow-list replaces same-origin
        }
        var own = App.builder().include(new Routes()).webSockets(WebSocketSettings.defaults().allowedOrigins(List.of("https://ws.example.com")))
                .middleware(dev.brisk.Cors.allowOrigins("https://app.example.com")).build();
        try (var c = TestClient.of(own)) {
            allowed(c, "https://ws.example.com");
            refused(c, "https://app.example.com");
        }
    }

    @Test
    void patternsInTheAllowListAreCheckedLikeCorsOnes() {
        try (var c = client(WebSocketSettings.defaults().allowedOrigins(List.of("http://localhost:*")))) {
            allowed(c, "http://localhost:5173");
            refused(c, "http://localhost.evil.example:5173");
        }
        assertThatThrownBy(() -> WebSocketSettings.defaults().allowedOrigins(List.of("https://*.com")))
                .isInstanceOf(dev.brisk.StartupException.class);
    }
}
