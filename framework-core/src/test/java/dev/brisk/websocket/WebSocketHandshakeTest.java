package dev.brisk.websocket;

import dev.brisk.WebSocketSettings;
import dev.brisk.transport.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.brisk.transport.LeakCheck;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6455 section 4.2 over a real socket: the 101 answer, and the malformed handshakes refused before it. */
@ExtendWith(LeakCheck.class)
class WebSocketHandshakeTest {
    @RegisterExtension
    static final SharedServer server = new SharedServer(b -> b.webSockets(WebSocketSettings.defaults().handshakeTimeout(Duration.ofMillis(300))),
            new EchoRoutes());

    @Test
    void theAnswerIs101WithTheAcceptKeyAndNoLength() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            assertThat(ws.head).startsWith("HTTP/1.1 101 Switching Protocols\r\n")
                    .contains("upgrade: websocket\r\n").contains("connection: Upgrade\r\n")
                    .contains("sec-websocket-accept: " + RawWebSocket.ACCEPT + "\r\n")
                    .doesNotContain("content-length").doesNotContain("sec-websocket-extensions");
            ws.text("hi");
            assertThat(ws.next(1).text()).isEqualTo("hi");
        }
    }

    @Test
    void permessageDeflateIsNotAgreedByDefault() {
        try (var ws = RawWebSocket.open(server.port(), "/echo", "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits")) {
            assertThat(ws.head).doesNotContainIgnoringCase("sec-websocket-extensions");
        }
    }

    private static String refused(String request) {
        try (var ws = RawWebSocket.connect(server.port())) {
            return ws.sendRaw(request).readHead();
        }
    }

    @Test
    void malformedHandshakesAreAnsweredWithHttpErrors() {
        String ok = RawWebSocket.request("/echo");
        assertThat(refused(ok.replace(RawWebSocket.KEY, "short"))).startsWith("HTTP/1.1 400 ");
        assertThat(refused(ok.replace(RawWebSocket.KEY, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))).startsWith("HTTP/1.1 400 ");
        assertThat(refused(ok.replace("Connection: Upgrade", "Connection: keep-alive"))).startsWith("HTTP/1.1 400 ");
        assertThat(refused(ok.replace("HTTP/1.1", "HTTP/1.0"))).startsWith("HTTP/1.1 400 ");
        String oldVersion = refused(ok.replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8"));
        assertThat(oldVersion).startsWith("HTTP/1.1 426 ").contains("sec-websocket-version: 13\r\n");
        assertThat(refused(RawWebSocket.request("/nowhere"))).startsWith("HTTP/1.1 404 ");
        assertThat(refused(RawWebSocket.request("/echo", "Origin: https://evil.example"))).startsWith("HTTP/1.1 403 ");
    }

    @Test
    void aHandlerThatNeitherAcceptsNorRefusesInTimeIsAnswered503() {
        try (var ws = RawWebSocket.connect(server.port())) {
            long t0 = System.nanoTime();
            String head = ws.handshake("/slow");
            assertThat(head).startsWith("HTTP/1.1 503 ");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1400));
        }
    }
}
