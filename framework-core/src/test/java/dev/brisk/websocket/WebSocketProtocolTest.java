package dev.brisk.websocket;

import dev.brisk.transport.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.brisk.transport.LeakCheck;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6455 framing over a real socket: what a client may not send closes with the right code, and closing completes. */
@ExtendWith(LeakCheck.class)
class WebSocketProtocolTest {
    @RegisterExtension
    static final SharedServer server = new SharedServer(new EchoRoutes());

    private static final Duration SOON = Duration.ofSeconds(3);

    private static void closesWith(RawWebSocket ws, int code) {
        var f = ws.next(8);
        assertThat(f.closeCode()).as(f.closeReason()).isEqualTo(code);
        assertThat(f.closeReason().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(ws.closedByServer(SOON)).as("the server ends the TCP connection").isTrue();
    }

    @Test
    void anUnmaskedClientFrameIsAProtocolError() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.frame(true, 0, 1, "x".getBytes(StandardCharsets.UTF_8), false);
            closesWith(ws, 1002);
        }
    }

    @Test
    void reservedBitsWithoutAnExtensionAndUnknownOpcodesAreProtocolErrors() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.frame(true, 4, 1, "x".getBytes(StandardCharsets.UTF_8), true);
            closesWith(ws, 1002);
        }
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.frame(true, 3, new byte[0]);
            closesWith(ws, 1002);
        }
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.frame(true, 0xB, new byte[0]);
            closesWith(ws, 1002);
        }
    }

    @Test
    void invalidUtf8InTextCloses1007EvenAcrossFragments() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.frame(true, 1, new byte[] {(byte) 0xC3, (byte) 0x28});
            closesWith(ws, 1007);
        }
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.frame(false, 1, new byte[] {'a', (byte) 0xE2, (byte) 0x82});   // a 3-byte character split...
            ws.frame(true, 0, new byte[] {'b'});                                // ...and not completed
            closesWith(ws, 1007);
        }
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.frame(false, 1, new byte[] {'a', (byte) 0xE2, (byte) 0x82});   // the same split, completed: valid
            ws.frame(true, 0, new byte[] {(byte) 0xAC});
            assertThat(ws.next(1).text()).isEqualTo("a€");
        }
    }

    @Test
    void controlFramesMustBeShortAndWhole() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.frame(false, 9, new byte[] {1});
            closesWith(ws, 1002);
        }
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.ping(new byte[126]);
            closesWith(ws, 1002);
        }
    }

    @Test
    void fragmentsMustNotInterleave() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.frame(true, 0, new byte[] {'x'});   // a continuation with nothing to continue
            closesWith(ws, 1002);
        }
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.frame(false, 1, new byte[] {'x'});
            ws.frame(true, 1, new byte[] {'y'});   // a new message inside the first
            closesWith(ws, 1002);
        }
    }

    @Test
    void aPingIsAnsweredWithItsPayloadEvenInsideAFragmentedMessage() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.ping(new byte[] {7, 8, 9});
            var pong = ws.read();
            assertThat(pong.opcode()).isEqualTo(10);
            assertThat(pong.payload()).containsExactly(7, 8, 9);
            ws.frame(false, 1, "hel".getBytes(StandardCharsets.UTF_8));
            ws.ping(new byte[] {1});
            ws.frame(true, 0, "lo".getBytes(StandardCharsets.UTF_8));
            assertThat(ws.read().opcode()).isEqualTo(10);
            assertThat(ws.next(1).text()).isEqualTo("hello");
        }
    }

    @Test
    void theAppCanPing() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.text("ping me");
            var ping = ws.read();
            assertThat(ping.opcode()).isEqualTo(9);
            assertThat(ping.payload()).containsExactly(4, 2);
        }
    }

    @Test
    void theClientsCloseIsEchoedAndTheServerEndsTheConnection() throws Exception {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.text("closing-with-code");
            ws.next(1);
            ws.close(1000, "done");
            var echo = ws.next(8);
            assertThat(echo.closeCode()).isEqualTo(1000);
            assertThat(ws.closedByServer(SOON)).isTrue();
        }
        assertThat(EchoRoutes.ended("closing-with-code")).isEqualTo(new dev.brisk.WebSocketClose(1000, "done"));
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.text("closing-without-code");
            ws.next(1);
            ws.frame(true, 8, new byte[0]);   // a close without a code is answered without one: 1005 never goes on the wire
            var echo = ws.next(8);
            assertThat(echo.payload()).isEmpty();
            assertThat(ws.closedByServer(SOON)).isTrue();
        }
        assertThat(EchoRoutes.ended("closing-without-code").code()).isEqualTo(1005);
    }

    @Test
    void aCloseWithAReservedCodeIsAProtocolError() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.close(1005, "");
            closesWith(ws, 1002);
        }
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.frame(true, 8, new byte[] {3});   // one byte of code
            var f = ws.next(8);
            assertThat(f.closeCode()).isIn(1002, 1007);
        }
    }

    @Test
    void aDroppedConnectionIsReportedAs1006() throws Exception {
        var ws = RawWebSocket.open(server.port(), "/echo");
        ws.text("dropping");
        ws.next(1);
        ws.close();
        assertThat(EchoRoutes.ended("dropping").code()).isEqualTo(1006);
    }
}
