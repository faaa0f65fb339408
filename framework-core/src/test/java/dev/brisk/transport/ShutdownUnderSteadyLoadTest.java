package dev.brisk.transport;

import dev.brisk.Get;
import dev.brisk.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that reconnect as soon as a connection closes (a load generator, a balancer that has not
 * yet heard of the stop) do not hold a stopping server open until its grace runs out: what was
 * queued when the stop began is served, and the listener then closes. Every answer is a whole 200.
 */
class ShutdownUnderSteadyLoadTest {
    public static class Routes {
        @Get("/ping")
        public String ping() {
            return "pong";
        }
    }

    @Test
    @Timeout(60)
    void reconnectingClientsDoNotHoldTheListenerOpen() throws Exception {
        Server server = TestServers.start(b -> b.shutdownGrace(Duration.ofSeconds(30)).include(new Routes()));
        int port = server.port();
        var stop = new AtomicBoolean();
        var answered = new AtomicInteger();
        var bad = new AtomicInteger();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 8; i++) {
            var t = new Thread(() -> {
                while (!stop.get()) {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        s.setSoTimeout(5000);
                        OutputStream out = s.getOutputStream();
                        InputStream in = s.getInputStream();
                        while (!stop.get()) {
                            out.write("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                            String head = readResponse(in);
                            if (head == null) break;   // closed by the server: connect again, as wrk does
                            if (head.startsWith("HTTP/1.1 200 ") && head.endsWith("pong")) answered.incrementAndGet();
                            else bad.incrementAndGet();
                            if (head.toLowerCase().contains("connection: close")) break;
                        }
                    } catch (IOException e) {
                        // refused or reset once the listener is gone: keep trying until told to stop
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        while (answered.get() < 2000) Thread.sleep(10);
        long start = System.nanoTime();
        server.close();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        stop.set(true);
        for (var t : threads) t.join(10_000);
        assertThat(tookMillis).as("close() under steady load, with a 30 s grace").isLessThan(5_000);
        assertThat(bad.get()).isZero();
    }

    /** One response (head and its 4-byte body) as text, or null when the connection ended first. */
    private static String readResponse(InputStream in) throws IOException {
        var sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            int end = sb.indexOf("\r\n\r\n");
            if (end >= 0 && sb.length() - end - 4 >= 4) return sb.toString();
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
