package dev.brisk.openapi;

import dev.brisk.App;
import dev.brisk.Server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Test helper: an app on a real loopback port, closed with the helper. */
final class Http implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Server server;

    Http(App app) {
        this.server = app.start("127.0.0.1", 0);
    }

    HttpResponse<byte[]> get(String path) {
        try {
            var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            return CLIENT.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + ": " + e, e);
        }
    }

    HttpResponse<byte[]> get(String path, String header, String value) {
        try {
            var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .timeout(Duration.ofSeconds(10)).header(header, value).GET().build();
            return CLIENT.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + ": " + e, e);
        }
    }

    int port() {
        return server.port();
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static String type(HttpResponse<byte[]> r) {
        return r.headers().firstValue("content-type").orElse("");
    }

    @Override
    public void close() {
        server.close(Duration.ofSeconds(1));
    }
}
