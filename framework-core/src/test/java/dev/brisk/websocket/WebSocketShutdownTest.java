package dev.brisk.websocket;

import dev.brisk.internal.app.RunningServer;
import dev.brisk.transport.RawHttp;
import dev.brisk.transport.TestRoutes;
import dev.brisk.transport.TestServers;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A stopping server closes its WebSockets with 1001; a reload can close them with 1012 and keep serving. */
class WebSocketShutdownTest {
    @Test
    void gracefulShutdownClosesEverySessionWith1001() {
        var server = TestServers.start(new EchoRoutes());
        var a = RawWebSocket.open(server.port(), "/echo");
        var b = RawWebSocket.open(server.port(), "/echo");
        var closer = new Thread(() -> server.close(Duration.ofSeconds(5)));
        closer.start();
        for (var ws : new RawWebSocket[] {a, b}) {
            var f = ws.next(8);
            assertThat(f.closeCode()).isEqualTo(1001);
            assertThat(f.closeReason()).isEqualTo("server shutting down");
            ws.close(1001, "");
            assertThat(ws.closedByServer(Duration.ofSeconds(3))).isTrue();
            ws.close();
        }
        try {
            closer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(closer.isAlive()).isFalse();
    }

    @Test
    void closeWebSocketsWith1012LeavesTheServerRunning() {
        var server = (RunningServer) TestServers.start(new EchoRoutes(), new TestRoutes());
        try {
            var ws = RawWebSocket.open(server.port(), "/echo");
            ws.text("x");
            ws.next(1);
            assertThat(server.openWebSockets()).isEqualTo(1);
            assertThat(server.closeWebSockets(1012, "service restart")).isEqualTo(1);
            var f = ws.next(8);
            assertThat(f.closeCode()).isEqualTo(1012);
            assertThat(f.closeReason()).isEqualTo("service restart");
            ws.close();
            try (var http = RawHttp.connect(server.port())) {
                assertThat(http.exchange(RawHttp.get("/hello")).status()).isEqualTo(200);
            }
            try (var again = RawWebSocket.open(server.port(), "/echo")) {
                again.text("y");
                assertThat(again.next(1).text()).isEqualTo("y");
            }
        } finally {
            server.close(Duration.ZERO);
        }
    }
}
