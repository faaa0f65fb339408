package dev.brisk.examples.tour;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The tour's /metrics, /health/live and /health/ready. */
class ObservabilityRoutesTest {
    public static class Items {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Get("/items/{id}")
        public String item(int id) {
            return "item " + id;
        }

        @Get("/wait")
        public String waitForRelease() throws InterruptedException {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "released";
        }
    }

    private static App app(Items items) {
        var b = App.builder().include(items);
        ObservabilityRoutes.install(b);
        return b.build();
    }

    @Test
    void metricsAreLabelledByRouteTemplate() {
        try (var client = TestClient.of(app(new Items()))) {
            client.get("/items/1");
            client.get("/items/2");
            client.get("/items/x");
            client.get("/missing");
            client.get("/tour/visits");
            assertThat(client.get("/tour/visits").text()).isEqualTo("2");
            var res = client.get("/metrics");
            assertThat(res.status()).isEqualTo(200);
            assertThat(res.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(res.text())
                    .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/items/{id}\"} 2")
                    .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"422\",uri=\"/items/{id}\"} 1")
                    .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\"} 1")
                    .contains("tour_visits_total 2")
                    .doesNotContain("/items/1").doesNotContain("/missing");
        }
    }

    @Test
    void liveAndReadyThenNotReadyOnceShutdownBegins() throws Exception {
        var items = new Items();
        var server = AppRuntime.of(app(items)).start("127.0.0.1", 0);
        Thread closer = null;
        try (var socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            var in = socket.getInputStream();
            send(socket, "/health/live");
            assertThat(read(in)).startsWith("HTTP/1.1 200").endsWith("{\"status\":\"UP\"}");
            send(socket, "/health/ready");
            assertThat(read(in)).startsWith("HTTP/1.1 200").endsWith("{\"status\":\"UP\",\"checks\":{}}");

            send(socket, "/wait");
            assertThat(items.entered.await(5, TimeUnit.SECONDS)).isTrue();
            closer = new Thread(server::close);
            closer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!server.draining() && System.nanoTime() < deadline) Thread.sleep(1);
            send(socket, "/health/ready");
            Thread.sleep(50);
            items.release.countDown();
            assertThat(read(in)).startsWith("HTTP/1.1 200").endsWith("released");
            assertThat(read(in)).startsWith("HTTP/1.1 503").endsWith("{\"status\":\"DOWN\",\"reason\":\"shutting down\"}");
        } finally {
            items.release.countDown();
            if (closer != null) closer.join(10_000);
            server.close();
        }
    }

    private static void send(Socket s, String path) throws Exception {
        s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    private static String read(InputStream in) throws Exception {
        var head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String h = head.toString(StandardCharsets.US_ASCII);
            if (h.endsWith("\r\n\r\n")) break;
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
