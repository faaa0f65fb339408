package dev.brisk.transport;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP/1.1 persistent connections, Connection: close, HTTP/1.0, Date and Content-Length. */
@ExtendWith(LeakCheck.class)
class KeepAliveTest {
    @RegisterExtension
    static final SharedServer server = new SharedServer(new TestRoutes());

    @Test
    void severalRequestsShareOneConnection() {
        try (var c = RawHttp.connect(server.port())) {
            for (int i = 0; i < 5; i++) {
                var r = c.exchange(get("/hello"));
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("hello");
                assertThat(r.header("connection")).isNull();
            }
            var posted = c.exchange("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nabcde");
            assertThat(posted.text()).isEqualTo("abcde");
            assertThat(c.exchange(get("/json")).text()).isEqualTo("{\"message\":\"Hello, World!\"}");
            assertThat(c.silentFor(Duration.ofMillis(100))).isTrue();
        }
    }

    @Test
    void responsesCarryDateAndContentLength() {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange(get("/json"));
            assertThat(r.header("date")).matches("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
            assertThat(r.header("content-length")).isEqualTo(String.valueOf(r.body().length));
            assertThat(r.header("content-type")).isEqualTo("application/json");
            var notFound = c.exchange(get("/nope"));
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.header("content-length")).isEqualTo(String.valueOf(notFound.body().length));
            assertThat(notFound.header("date")).isNotNull();
        }
    }

    @Test
    void connectionCloseIsHonoured() {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(c.closedByServer(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void http10WithoutKeepAliveCloses() {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange("GET /hello HTTP/1.0\r\n\r\n");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.statusLine()).startsWith("HTTP/1.1 200");
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(c.closedByServer(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void http10WithKeepAliveStaysOpen() {
        try (var c = RawHttp.connect(server.port())) {
            for (int i = 0; i < 2; i++) {
                var r = c.exchange("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("connection")).isEqualToIgnoringCase("keep-alive");
            }
        }
    }

    @Test
    void halfClosedClientStillGetsItsResponse() throws Exception {
        try (var c = RawHttp.connect(server.port())) {
            c.send(get("/slow?ms=100"));
            c.socket().shutdownOutput();
            var r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("slow 100");
            assertThat(c.closedByServer(Duration.ofSeconds(2))).isTrue();
        }
    }
}
