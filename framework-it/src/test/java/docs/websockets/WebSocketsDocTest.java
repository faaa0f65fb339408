package docs.websockets;

import dev.brisk.App;
import dev.brisk.WebSocketClose;
import dev.brisk.it.docs.DocSnippets;
import dev.brisk.test.TestClient;
import dev.brisk.test.WebSocketDeniedException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebSocketsDocTest {
    @Test
    void snippetsAreThisCode() {
        DocSnippets.assertAllCompiled("docs/websockets.md");
    }

    @Test
    void chatBroadcastsToTheRoom() {
        try (var client = TestClient.of(App.builder().include(new Chat()).build())) {
            try (var ann = client.websocket("/ws/chat/lobby?name=ann").connect();
                 var bob = client.websocket("/ws/chat/lobby?name=bob").connect()) {
                // A session's callbacks run in order: its onOpen (the join) comes before its onText.
                bob.sendText("here");
                assertThat(bob.receiveText()).isEqualTo("bob: here");   // bob has joined
                ann.sendText("hi");                                    // after ann's own join
                assertThat(bob.receiveText()).isEqualTo("ann: hi");
                String first = ann.receiveText();                       // "bob: here" too, if ann had joined by then
                assertThat(first.equals("bob: here") ? ann.receiveText() : first).isEqualTo("ann: hi");
            }
        }
    }

    @Test
    void echoesUntilBye() {
        try (var client = TestClient.of(App.builder().include(new Echo()).build());
             var ws = client.websocket("/ws/echo").connect()) {
            ws.sendText("hello");
            assertThat(ws.receiveText()).isEqualTo("echo: hello");
            ws.sendText("bye");
            assertThat(ws.awaitClose().code()).isEqualTo(1000);
        }
    }

    @Test
    void aMissingTicketIsRefusedBeforeTheHandshake() {
        try (var client = TestClient.of(App.builder().include(Tickets.class).build())) {
            var denied = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/ws/feed").connect());
            assertThat(denied.response().status()).isEqualTo(401);
            assertThat(denied.response().json().get("detail").asText()).isEqualTo("Not authenticated");
        }
    }

    @Test
    void ordersAreValidated() {
        try (var client = TestClient.of(App.builder().include(new Orders()).build())) {
            try (var ws = client.websocket("/ws/orders").connect()) {
                ws.sendJson(Map.of("item", "tea", "quantity", 2));
                assertThat(ws.receiveJson(Orders.Placed.class)).isEqualTo(new Orders.Placed("tea", 2, "placed"));
                ws.sendJson(Map.of("item", "tea", "quantity", 0));
                assertThat(ws.awaitClose()).isEqualTo(new WebSocketClose(1008,
                        "invalid message: quantity: Input should be greater than or equal to 1"));
            }
        }
        try (var client = TestClient.of(App.builder().include(Tickets.class).build());
             var ws = client.websocket("/ws/feed?ticket=t-ann").connect()) {
            assertThat(ws.receiveText()).isEqualTo("hello t-ann");
        }
    }

    @Test
    void theSettingsExampleBuilds() {
        assertThat(SettingsApp.app().title()).isEqualTo("Brisk");
    }
}
