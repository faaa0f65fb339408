package dev.brisk.transport;

import org.junit.jupiter.api.extension.ExtendWith;
import dev.brisk.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/** Header, body and idle timeouts (300 ms here) close slow or silent clients. */
@ExtendWith(LeakCheck.class)
class TimeoutsTest {
    static final Duration T = Duration.ofMillis(300);
    static final Duration WAIT = Duration.ofSeconds(3);
    @RegisterExtension
    static final SharedServer server = new SharedServer(b -> b.headerTimeout(T).bodyTimeout(T).idleTimeout(T), new TestRoutes());

    @Test
    void halfTheHeadersThenAStallGets408() {
        try (var c = RawHttp.connect(server.port())) {
            long start = System.nanoTime();
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Partial: ");
            var r = c.read();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(ms).isBetween(250L, 2000L);
            assertThat(c.closedByServer(WAIT)).isTrue();
        }
    }

    @Test
    void headersTrickledSlowlyGet408EvenWhileBytesArrive() throws Exception {
        try (var c = RawHttp.connect(server.port())) {
            c.send("GET /hello HTTP/1.1\r\n");
            for (int i = 0; i < 10; i++) {
                Thread.sleep(60);
                try {
                    c.send("X-" + i + ": v\r\n");
                } catch (java.io.UncheckedIOException e) {
                    break; // closed already
                }
            }
            var r = c.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(c.closedByServer(WAIT)).isTrue();
        }
    }

    @Test
    void aStalledBodyGets408() {
        try (var c = RawHttp.connect(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc");
            var r = c.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(c.closedByServer(WAIT)).isTrue();
        }
    }

    @Test
    void aBodyThatKeepsMovingIsNotCutOff() throws Exception {
        try (var c = RawHttp.connect(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\n\r\n");
            for (char ch : "abcdef".toCharArray()) {
                Thread.sleep(100); // 600 ms in total, but never 300 ms without progress
                c.send(String.valueOf(ch));
            }
            assertThat(c.read().text()).isEqualTo("abcdef");
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosed() {
        try (var c = RawHttp.connect(server.port())) {
            assertThat(c.exchange(get("/hello")).status()).isEqualTo(200);
            long start = System.nanoTime();
            assertThat(c.closedByServer(WAIT)).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(200L, 2000L);
        }
    }

    @Test
    void aSlowHandlerIsNotAnIdleConnection() {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange(get("/slow?ms=700"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("connection")).isNull();
        }
    }

    /** Counts the requests it answers, with 4 KiB each so that unread responses fill buffers fast. */
    public static class Counter {
        static final String PAGE = "x".repeat(4096);
        final java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();

        @dev.brisk.Get("/count")
        public java.util.concurrent.CompletableFuture<String> count() {
            served.incrementAndGet();
            return java.util.concurrent.CompletableFuture.completedFuture(PAGE);
        }
    }

    /** Back-pressure: a client that pipelines but never reads its responses is not buffered without bound. */
    @Test
    void aClientThatPipelinesButNeverReadsIsCutOff() throws Exception {
        var counter = new Counter();
        Server s = TestServers.start(b -> b.headerTimeout(T).bodyTimeout(T).idleTimeout(T), counter);
        byte[] one = get("/count").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] burst = new byte[one.length * 1000];
        for (int i = 0; i < 1000; i++) System.arraycopy(one, 0, burst, i * one.length, one.length);
        try (var socket = new java.net.Socket()) {
            socket.setReceiveBufferSize(8192);
            socket.setSendBufferSize(8192);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", s.port()));
            var writer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    var out = socket.getOutputStream();
                    for (int i = 0; i < 1000; i++) out.write(burst); // 1,000,000 requests, never reading a response
                    return "all written";
                } catch (java.io.IOException e) {
                    return "cut off";
                }
            });
            // The server stops reading once its responses back up, then drops the stalled connection
            // (without back-pressure it would read, answer and buffer all million of them).
            assertThat(writer.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("cut off");
            assertThat(counter.served.get()).isLessThan(200_000);
        } finally {
            s.close(Duration.ZERO);
        }
    }

    @Test
    void aFreshConnectionThatSendsNothingIsClosed() {
        try (var c = RawHttp.connect(server.port())) {
            long start = System.nanoTime();
            assertThat(c.closedByServer(WAIT)).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(200L, 2000L);
        }
    }
}
