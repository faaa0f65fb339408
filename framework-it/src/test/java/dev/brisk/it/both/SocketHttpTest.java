package dev.brisk.it.both;

import dev.brisk.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@link HttpContract} over a real socket on 127.0.0.1. */
class SocketHttpTest extends HttpContract {
    static Server server;
    static HttpClient http;

    @BeforeAll
    static void start() {
        server = app().start("127.0.0.1", 0);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    Res call(String method, String path, String body) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) req.header("Content-Type", "application/json");
        var r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.headers().map(), r.body());
    }
}
