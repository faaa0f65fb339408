package dev.brisk;

import dev.brisk.transport.LeakCheck;
import dev.brisk.transport.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in middleware's paths over a real socket with Netty's paranoid leak detection (the
 * core module's test setting): compressed, refused, redirected, preflighted and logged answers
 * release every buffer they make or replace.
 */
@ExtendWith(LeakCheck.class)
class BuiltinMiddlewareLeakTest {
    static final String BIG = "{\"line\":\"leak-free and compressible\"}".repeat(200);
    static final StreamedBodies STREAM = new StreamedBodies(List.of("a streamed ", "body ", "of three pieces"), "text/plain", -1);
    static Server server;

    @BeforeAll
    static void start() {
        server = App.builder().eventLoops(1).docs(false)
                .middleware(AccessLog.create(), RequestId.create(), TrustedHost.of("t"), HttpsRedirect.behindProxies("127.0.0.1"),
                        Cors.allowOrigins("https://app.example.com"), GZip.create(), STREAM)
                .route("GET", "/big", req -> Response.bytes(BIG.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json"))
                .route("GET", "/small", req -> "small")
                .route("GET", "/stream", req -> "replaced")
                .route("GET", "/crash", req -> {
                    throw new IllegalStateException("boom");
                })
                .build().start("127.0.0.1", 0);
        STREAM.release(1000);
    }

    @AfterAll
    static void stop() {
        server.close(Duration.ZERO);
    }

    private static RawHttp.Resp call(String request, boolean head) {
        try (var http = RawHttp.connect(server.port())) {
            return http.send(request).read(head);
        }
    }

    private static String get(String path, String extra) {
        return "GET " + path + " HTTP/1.1\r\nHost: t\r\nX-Forwarded-Proto: https\r\n" + extra + "Connection: close\r\n\r\n";
    }

    @Test
    void compressedAndPlainBodies() {
        for (int i = 0; i < 20; i++) {
            var gz = call(get("/big", "Accept-Encoding: gzip\r\n"), false);
            assertThat(gz.header("content-encoding")).isEqualTo("gzip");
            assertThat(call(get("/big", "Accept-Encoding: deflate\r\n"), false).header("content-encoding")).isEqualTo("deflate");
            var head = call(get("/big", "Accept-Encoding: gzip\r\n").replace("GET", "HEAD"), true);
            assertThat(head.header("content-length")).isEqualTo(String.valueOf(gz.body().length));
            assertThat(call(get("/small", "Accept-Encoding: gzip\r\n"), false).text()).isEqualTo("small");
            assertThat(call(get("/crash", "Accept-Encoding: gzip\r\n"), false).status()).isEqualTo(500);
        }
    }

    @Test
    void earlyAnswers() {
        for (int i = 0; i < 20; i++) {
            assertThat(call("GET /big HTTP/1.1\r\nHost: evil\r\nConnection: close\r\n\r\n", false).status()).isEqualTo(400);
            assertThat(call("GET /big HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", false).status()).isEqualTo(308);
            String preflight = "OPTIONS /big HTTP/1.1\r\nHost: t\r\nX-Forwarded-Proto: https\r\nOrigin: %s\r\n"
                    + "Access-Control-Request-Method: GET\r\nConnection: close\r\n\r\n";
            assertThat(call(preflight.formatted("https://app.example.com"), false).status()).isEqualTo(204);
            assertThat(call(preflight.formatted("https://evil.example"), false).status()).isEqualTo(400);
            assertThat(call(get("/nowhere", ""), false).status()).isEqualTo(404);
        }
    }

    @Test
    void streamedAndLoggedBodies() throws java.io.IOException {
        for (int i = 0; i < 5; i++) {
            try (var http = RawHttp.connect(server.port())) {
                http.send("GET /stream HTTP/1.1\r\nHost: t\r\nX-Forwarded-Proto: https\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n");
                String raw = new String(http.socket().getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(raw).startsWith("HTTP/1.1 200 OK").contains("content-encoding: gzip").endsWith("\r\n0\r\n\r\n");
            }
        }
    }
}
