package dev.brisk.observability;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.internal.app.AppRuntime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a real socket: once a graceful shutdown has begun, /health/ready answers 503 (while the server
 * still serves the requests that reach it), so an orchestrator stops routing to it.
 */
class ReadinessDuringShutdownTest {
    public static class Slow {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Get("/slow")
        public String slow() throws InterruptedException {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "done";
        }
    }

    @Test
    void readyTurnsTo503OnceTheDrainBegins() throws Exception {
        var routes = new Slow();
        var app = App.builder().include(routes).install(Health.endpoints()).shutdownGrace(Duration.ofSeconds(10)).build();
        var server = AppRuntime.of(app).start("127.0.0.1", 0);
        Thread closer = null;
        try (var before = new Socket("127.0.0.1", server.port()); var busy = new Socket("127.0.0.1", server.port())) {
            before.setSoTimeout(5000);
            busy.setSoTimeout(5000);
            send(before, "/health/ready");
            assertThat(readResponse(before.getInputStream())).startsWith("HTTP/1.1 200").endsWith("{\"status\":\"UP\",\"checks\":{}}");

            send(busy, "/slow");
            assertThat(routes.entered.await(5, TimeUnit.SECONDS)).isTrue();
            closer = new Thread(server::close, "closer");
            closer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!server.draining() && System.nanoTime() < deadline) Thread.sleep(1);
            assertThat(server.draining()).isTrue();

            send(busy, "/health/ready");   // reaches the draining server on an open connection: served, not ready
            Thread.sleep(50);
            routes.release.countDown();
            InputStream in = busy.getInputStream();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith("done");
            String ready = readResponse(in);
            assertThat(ready).startsWith("HTTP/1.1 503").containsIgnoringCase("connection: close")
                    .endsWith("{\"status\":\"DOWN\",\"reason\":\"shutting down\"}");
        } finally {
            routes.release.countDown();
            if (closer != null) closer.join(10_000);
            server.close();
        }
    }

    private static void send(Socket s, String path) throws Exception {
        OutputStream out = s.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One response with a Content-Length body, as text. */
    static String readResponse(InputStream in) throws Exception {
        var head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') break;
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
        }
        byte[] body = in.readNBytes(length);
        return text + new String(body, StandardCharsets.UTF_8);
    }
}
