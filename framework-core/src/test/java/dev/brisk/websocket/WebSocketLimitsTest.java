package dev.brisk.websocket;

import dev.brisk.WebSocketClose;
import dev.brisk.WebSocketSettings;
import dev.brisk.transport.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.brisk.transport.LeakCheck;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits on what a client controls: frame and message sizes, idleness, a client that does not read, deflate bombs. */
@ExtendWith(LeakCheck.class)
class WebSocketLimitsTest {
    @RegisterExtension
    static final SharedServer server = new SharedServer(b -> b.webSockets(WebSocketSettings.defaults()
            .maxFrameSize(4096).maxMessageSize(16384)
            .pingInterval(Duration.ofMillis(150)).idleTimeout(Duration.ofMillis(500))
            .maxQueuedBytes(64 * 1024).compression(true)), new EchoRoutes());

    private static final Duration SOON = Duration.ofSeconds(3);

    @Test
    void aFrameOverTheLimitCloses1009() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            ws.frame(true, 2, new byte[4096]);
            assertThat(ws.next(2).payload()).hasSize(4096);
            ws.frame(true, 2, new byte[4097]);
            var f = ws.next(8);
            assertThat(f.closeCode()).isEqualTo(1009);
            assertThat(ws.closedByServer(SOON)).isTrue();
        }
    }

    @Test
    void aMessageOverTheLimitClosesItsFragments1009() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            for (int i = 0; i < 4; i++) ws.frame(false, i == 0 ? 2 : 0, new byte[4096]);
            ws.frame(true, 0, new byte[0]);
            assertThat(ws.next(2).payload()).hasSize(16384);
            for (int i = 0; i < 4; i++) ws.frame(false, i == 0 ? 2 : 0, new byte[4096]);
            ws.frame(true, 0, new byte[1]);
            var f = ws.next(8);
            assertThat(f.closeCode()).isEqualTo(1009);
            assertThat(f.closeReason()).isEqualTo("Message Too Big: the limit is 16384 bytes");
            assertThat(ws.closedByServer(SOON)).isTrue();
        }
    }

    @Test
    void aQuietClientIsPingedAndOneThatNeverAnswersIsClosed1001() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            long t0 = System.nanoTime();
            var ping = ws.read();
            assertThat(ping.opcode()).isEqualTo(9);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(450));
            // no pong: after the idle timeout the server closes
            var f = ws.next(8);
            assertThat(f.closeCode()).isEqualTo(1001);
            assertThat(f.closeReason()).isEqualTo("idle timeout");
            ws.close(1001, "");
            assertThat(ws.closedByServer(SOON)).isTrue();
        }
    }

    @Test
    void aClientThatAnswersPingsStaysOpen() {
        try (var ws = RawWebSocket.open(server.port(), "/echo")) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1200);
            int pings = 0;
            while (System.nanoTime() < end) {
                var f = ws.read();
                assertThat(f.opcode()).as("only pings while idle").isEqualTo(9);
                ws.frame(true, 10, f.payload());
                pings++;
            }
            assertThat(pings).isGreaterThanOrEqualTo(3);
            ws.text("still here");
            assertThat(ws.next(1).text()).isEqualTo("still here");
        }
    }

    @Test
    void aClientThatDoesNotReadIsClosed1013InsteadOfGrowingTheHeap() throws Exception {
        var socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
        try (socket) {
            socket.getOutputStream().write(RawWebSocket.request("/flood?n=100000&size=16384").getBytes(StandardCharsets.ISO_8859_1));
            // never read: 1.6 GB would be queued without the bound
            assertThat(EchoRoutes.ended("flood").code()).isEqualTo(WebSocketClose.TRY_AGAIN_LATER);
        }
    }

    @Test
    void compressionIsAgreedWhenOnAndAMessageRoundTrips() throws Exception {
        try (var ws = RawWebSocket.open(server.port(), "/echo", "Sec-WebSocket-Extensions: permessage-deflate")) {
            assertThat(ws.head).containsIgnoringCase("sec-websocket-extensions: permessage-deflate");
            String text = "hello ".repeat(200);
            ws.frame(true, 4, 1, deflate(text.getBytes(StandardCharsets.UTF_8)), true);
            var back = ws.next(1);
            assertThat(back.rsv()).as("the answer is compressed too").isEqualTo(4);
            assertThat(new String(inflate(back.payload()), StandardCharsets.UTF_8)).isEqualTo(text);
        }
    }

    @Test
    void aDeflateBombStopsAtTheMessageLimit() throws Exception {
        try (var ws = RawWebSocket.open(server.port(), "/echo", "Sec-WebSocket-Extensions: permessage-deflate")) {
            byte[] bomb = deflate(new byte[2 << 20]);   // 2 MiB of zeros in about 2 KiB
            assertThat(bomb.length).isLessThan(4096);
            ws.frame(true, 4, 2, bomb, true);
            var f = ws.next(8);
            assertThat(f.closeCode()).isEqualTo(1009);
            assertThat(ws.closedByServer(SOON)).isTrue();
        }
    }

    /** Raw DEFLATE as RFC 7692 sends it: a sync flush without its trailing 00 00 FF FF. */
    private static byte[] deflate(byte[] data) {
        var d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        var out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0) out.write(buf, 0, n);
        d.end();
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, all.length - 4);
    }

    private static byte[] inflate(byte[] data) throws Exception {
        var inf = new Inflater(true);
        byte[] in = java.util.Arrays.copyOf(data, data.length + 4);
        in[data.length + 2] = (byte) 0xff;
        in[data.length + 3] = (byte) 0xff;
        inf.setInput(in);
        var out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = inf.inflate(buf)) > 0) out.write(buf, 0, n);
        inf.end();
        return out.toByteArray();
    }
}
