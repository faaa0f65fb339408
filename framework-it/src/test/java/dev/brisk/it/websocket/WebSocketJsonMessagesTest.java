package dev.brisk.it.websocket;

import dev.brisk.App;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketClose;
import dev.brisk.WebSocketJsonListener;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketSession;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A JSON listener gets each text message as a validated record; a bad message closes the session. */
@BriskTest
class WebSocketJsonMessagesTest {
    public record Order(@NotBlank String item, @Min(1) int quantity, List<String> notes) {
    }

    public record Placed(String item, int quantity, int notes) {
    }

    /** A listener class that names its message type itself (the route's return type does not). */
    public static final class Orders implements WebSocketJsonListener<Order> {
        @Override
        public void onMessage(WebSocketSession session, Order o) {
            session.sendJson(new Placed(o.item(), o.quantity(), o.notes().size()));
        }
    }

    public static class Routes {
        @WebSocket("/orders")
        public WebSocketJsonListener<Order> orders() {
            return (session, o) -> session.sendJson(new Placed(o.item(), o.quantity(), o.notes().size()));
        }

        @WebSocket("/orders/class")
        public WebSocketListener ordersClass() {
            return new Orders();
        }
    }

    static App app() {
        return App.builder().include(new Routes()).build();
    }

    @Test
    void validMessagesArriveAsRecords(TestClient client) {
        for (String path : List.of("/orders", "/orders/class")) {
            try (var ws = client.websocket(path).connect()) {
                ws.sendJson(Map.of("item", "tea", "quantity", 2));
                assertThat(ws.receiveJson(Placed.class)).isEqualTo(new Placed("tea", 2, 0));
                ws.sendText("{\"item\":\"cake\",\"quantity\":1,\"notes\":[\"warm\"]}");
                assertThat(ws.receiveJson(Placed.class)).isEqualTo(new Placed("cake", 1, 1));
            }
        }
    }

    @Test
    void anInvalidMessageCloses1008WithItsFirstProblem(TestClient client) {
        try (var ws = client.websocket("/orders").connect()) {
            ws.sendJson(Map.of("item", "tea", "quantity", 0));
            var close = ws.awaitClose();
            assertThat(close.code()).isEqualTo(WebSocketClose.POLICY_VIOLATION);
            assertThat(close.reason()).isEqualTo("invalid message: quantity: Input should be greater than or equal to 1");
        }
        try (var ws = client.websocket("/orders").connect()) {
            ws.sendJson(Map.of("quantity", 1));
            assertThat(ws.awaitClose()).isEqualTo(new WebSocketClose(1008, "invalid message: item: Field required"));
        }
    }

    @Test
    void aMalformedMessageCloses1007(TestClient client) {
        try (var ws = client.websocket("/orders").connect()) {
            ws.sendText("{\"item\": ");
            var close = ws.awaitClose();
            assertThat(close.code()).isEqualTo(WebSocketClose.INVALID_DATA);
            assertThat(close.reason()).isEqualTo("invalid message: 9: JSON decode error");
        }
    }
}
