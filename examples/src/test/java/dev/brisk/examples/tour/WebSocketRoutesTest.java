package dev.brisk.examples.tour;

import dev.brisk.App;
import dev.brisk.WebSocketClose;
import dev.brisk.test.TestClient;
import dev.brisk.test.WebSocketDeniedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The tour's WebSocket routes, as the issue describes them. */
class WebSocketRoutesTest {
    static TestClient client;
    static WebSocketRoutes routes;

    @BeforeAll
    static void start() {
        routes = new WebSocketRoutes();
        client = TestClient.of(App.builder().include(routes).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void theEchoEchoesTextAndUpperCasesJsonRequests() {
        try (var ws = client.websocket("/tour/ws/echo").connect()) {
            ws.sendText("hello");
            assertThat(ws.receiveText()).isEqualTo("hello");
            ws.sendJson(Map.of("op", "upper", "text", "shout"));
            assertThat(ws.receiveJson().toString()).isEqualTo("{\"text\":\"SHOUT\"}");
        }
    }

    @Test
    void aJsonRequestThatFailsValidationCloses1008() {
        try (var ws = client.websocket("/tour/ws/echo").connect()) {
            ws.sendJson(Map.of("op", "lower", "text", "x"));
            var close = ws.awaitClose();
            assertThat(close.code()).isEqualTo(WebSocketClose.POLICY_VIOLATION);
            assertThat(close.reason()).startsWith("invalid message: op: ");
        }
        try (var ws = client.websocket("/tour/ws/echo").connect()) {
            ws.sendJson(Map.of("op", "upper"));
            assertThat(ws.awaitClose()).isEqualTo(new WebSocketClose(1008, "invalid message: text: Field required"));
        }
    }

    @Test
    void theChatBroadcastsToEveryoneInTheRoom() {
        var ann = client.websocket("/tour/ws/chat/kitchen").query("name", "ann").connect();
        var bob = client.websocket("/tour/ws/chat/kitchen").query("name", "bob").connect();
        var eve = client.websocket("/tour/ws/chat/garden").query("name", "eve").connect();
        long until = System.nanoTime() + 5_000_000_000L;
        while (routes.rooms().room("kitchen").map(r -> r.size()).orElse(0) < 2 && System.nanoTime() < until) Thread.onSpinWait();
        ann.sendText("hi all");
        assertThat(ann.receiveText()).isEqualTo("ann: hi all");
        assertThat(bob.receiveText()).isEqualTo("ann: hi all");
        bob.sendText("hi ann");
        assertThat(ann.receiveText()).isEqualTo("bob: hi ann");
        assertThat(bob.receiveText()).isEqualTo("bob: hi ann");
        eve.sendText("anyone?");
        assertThat(eve.receiveText()).isEqualTo("eve: anyone?");
        ann.close();
        bob.close();
        eve.close();
    }

    @Test
    void theChatNeedsAValidNameBeforeTheHandshake() {
        var missing = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/tour/ws/chat/kitchen").connect());
        assertThat(missing.response().status()).isEqualTo(422);
        assertThat(missing.response().text()).isEqualTo(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"name\"],\"msg\":\"Field required\",\"input\":null}]}");
        var tooLong = assertThrows(WebSocketDeniedException.class,
                () -> client.websocket("/tour/ws/chat/kitchen").query("name", "n".repeat(21)).connect());
        assertThat(tooLong.response().status()).isEqualTo(422);
        assertThat(tooLong.response().json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"name\"]");
        var empty = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/tour/ws/chat/kitchen").query("name", "").connect());
        assertThat(empty.response().status()).isEqualTo(422);
    }

    @Test
    void theSecureRouteNeedsTheTokenBeforeTheHandshake() {
        var none = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/tour/ws/secure").connect());
        assertThat(none.response().status()).isEqualTo(403);
        assertThat(none.response().text()).isEqualTo("{\"detail\":\"Forbidden\"}");
        var wrong = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/tour/ws/secure").header("x-token", "guess").connect());
        assertThat(wrong.response().status()).isEqualTo(403);
        try (var ws = client.websocket("/tour/ws/secure").header("x-token", "secret").connect()) {
            assertThat(ws.receiveText()).isEqualTo("welcome");
            ws.sendText("psst");
            assertThat(ws.receiveText()).isEqualTo("secure: psst");
        }
    }

    @Test
    void theRoutesAreNotInTheOpenApiDocument() {
        var doc = client.get("/openapi.json").json();
        assertThat(doc.path("paths").has("/tour/ws/echo")).isFalse();
        assertThat(doc.path("paths").size()).isZero();
    }
}
