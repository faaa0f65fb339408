package dev.brisk.it.websocket;

import dev.brisk.App;
import dev.brisk.WebSocketSettings;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** permessage-deflate: off unless the app turns it on; then agreed with a client that offers it, and messages round-trip. */
class WebSocketCompressionTest {
    private static App app(boolean compression) {
        return App.builder().webSockets(WebSocketSettings.defaults().compression(compression))
                .include(new WebSocketListenerTest.Routes()).build();
    }

    @Test
    void offByDefault() {
        try (var client = TestClient.of(app(false)); var ws = client.websocket("/echo").compression(true).connect()) {
            assertThat(ws.header("Sec-WebSocket-Extensions")).isNull();
            assertThat(ws.receiveText()).startsWith("welcome");
        }
    }

    @Test
    void agreedWhenOnAndMessagesRoundTrip() {
        try (var client = TestClient.of(app(true)); var ws = client.websocket("/echo").compression(true).connect()) {
            assertThat(ws.header("Sec-WebSocket-Extensions")).startsWith("permessage-deflate");
            assertThat(ws.receiveText()).startsWith("welcome");
            String text = "squeeze me ".repeat(5000);
            ws.sendText(text);
            assertThat(ws.receiveText()).isEqualTo(text);
            ws.sendBinary(new byte[100_000]);
            assertThat(ws.receiveBinary()).hasSize(100_000);
        }
        try (var client = TestClient.of(app(true)); var ws = client.websocket("/echo").connect()) {
            assertThat(ws.header("Sec-WebSocket-Extensions")).as("not offered, not used").isNull();
        }
    }
}
