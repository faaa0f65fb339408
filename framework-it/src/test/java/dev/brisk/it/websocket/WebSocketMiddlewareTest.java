package dev.brisk.it.websocket;

import dev.brisk.App;
import dev.brisk.Middleware;
import dev.brisk.Response;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketSession;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import dev.brisk.test.WebSocketDeniedException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The app's middleware see the upgrade request: they may refuse it, and their headers are on the 101. */
@BriskTest
class WebSocketMiddlewareTest {
    public static class Routes {
        @WebSocket("/ws")
        public WebSocketListener ws() {
            return new WebSocketListener() {
                @Override
                public void onOpen(WebSocketSession s) {
                    s.sendText("request id " + s.request().header("x-request-id").orElse("-"));
                }
            };
        }
    }

    /** Refuses requests without an API key; stamps every answer. */
    static final Middleware apiKey = (request, next) -> {
        if (request.header("x-api-key").isEmpty()) {
            return CompletableFuture.completedFuture(Response.json(401, java.util.Map.of("detail", "API key required")));
        }
        return next.proceed().thenApply(r -> r.setHeader("x-stamp", "seen"));
    };

    static App app() {
        return App.builder().middleware(apiKey).include(new Routes()).build();
    }

    @Test
    void middlewareCanRefuseTheHandshake(TestClient client) {
        var denied = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/ws").connect());
        assertThat(denied.response().status()).isEqualTo(401);
        assertThat(denied.response().text()).isEqualTo("{\"detail\":\"API key required\"}");
    }

    @Test
    void middlewareHeadersAreOnThe101AndTheSessionSeesTheRequest(TestClient client) {
        try (var ws = client.websocket("/ws").header("x-api-key", "k").header("x-request-id", "r-1").connect()) {
            assertThat(ws.header("x-stamp")).isEqualTo("seen");
            assertThat(ws.header("Upgrade")).isEqualTo("websocket");
            assertThat(ws.receiveText()).isEqualTo("request id r-1");
        }
    }
}
