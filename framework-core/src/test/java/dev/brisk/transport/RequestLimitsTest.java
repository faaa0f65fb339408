package dev.brisk.transport;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Size limits and malformed requests over raw sockets: the exact status, then the connection closes. */
@ExtendWith(LeakCheck.class)
class RequestLimitsTest {
    static final int MAX_BODY = 1000;
    @RegisterExtension
    static final SharedServer server = new SharedServer(b -> b.maxBodySize(MAX_BODY), new TestRoutes());

    /** Sends {@code request}; expects exactly one response with {@code status}, Connection: close, then EOF. */
    static RawHttp.Resp rejected(String request, int status) {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange(request);
            assertThat(r.status()).as("status for %s", request.length() > 200 ? request.substring(0, 200) : request).isEqualTo(status);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(r.header("content-type")).isEqualTo("application/json");
            assertThat(r.text()).startsWith("{\"detail\":");
            assertThat(c.closedByServer(Duration.ofSeconds(2))).isTrue();
            return r;
        }
    }

    @Test
    void requestLineOver8KiBIs414() {
        rejected("GET /" + "a".repeat(8200) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414);
    }

    @Test
    void requestLineOver8KiBWithoutEndIs414() {
        try (var c = RawHttp.connect(server.port())) {
            c.send("GET /" + "a".repeat(10_000)); // no line end yet
            assertThat(c.read().status()).isEqualTo(414);
            assertThat(c.closedByServer(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void requestLineJustUnder8KiBIsServed() {
        String path = "/hello?x=" + "a".repeat(8000);
        try (var c = RawHttp.connect(server.port())) {
            assertThat(c.exchange(get(path)).status()).isEqualTo(200);
        }
    }

    @Test
    void headersOver16KiBAre431() {
        var sb = new StringBuilder("GET /hello HTTP/1.1\r\nHost: t\r\n");
        for (int i = 0; i < 200; i++) sb.append("X-Filler-").append(i).append(": ").append("v".repeat(90)).append("\r\n");
        rejected(sb.append("\r\n").toString(), 431);
    }

    @Test
    void oneHeaderOver16KiBIs431() {
        rejected("GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: " + "v".repeat(17_000) + "\r\n\r\n", 431);
    }

    @Test
    void headersJustUnder16KiBAreServed() {
        var sb = new StringBuilder("GET /hello HTTP/1.1\r\nHost: t\r\n");
        for (int i = 0; i < 150; i++) sb.append("X-Filler-").append(i).append(": ").append("v".repeat(90)).append("\r\n");
        try (var c = RawHttp.connect(server.port())) {
            assertThat(c.exchange(sb.append("\r\n").toString()).status()).isEqualTo(200);
        }
    }

    @Test
    void contentLengthOverTheLimitIs413() {
        rejected("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n" + "x".repeat(MAX_BODY + 1), 413);
    }

    @Test
    void contentLengthOverTheLimitIs413BeforeTheBodyIsSent() {
        rejected("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999\r\n\r\n", 413);
    }

    @Test
    void chunkedBodyGrowingPastTheLimitIs413() {
        try (var c = RawHttp.connect(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
            c.send("1f4\r\n" + "x".repeat(500) + "\r\n");
            c.send("1f4\r\n" + "x".repeat(500) + "\r\n");
            assertThat(c.silentFor(Duration.ofMillis(100))).isTrue(); // exactly at the limit so far
            c.send("1\r\nx\r\n");
            var r = c.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(c.closedByServer(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void hugeChunkIs413AsSoonAsItsDataPassesTheLimit() {
        rejected("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nfffff\r\n" + "x".repeat(MAX_BODY + 1), 413);
    }

    @Test
    void bodyExactlyAtTheLimitIsServed() {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + MAX_BODY + "\r\n\r\n" + "y".repeat(MAX_BODY));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).hasSize(MAX_BODY);
            var chunked = c.exchange("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3e8\r\n" + "z".repeat(MAX_BODY) + "\r\n0\r\n\r\n");
            assertThat(chunked.status()).isEqualTo(200);
            assertThat(chunked.body()).hasSize(MAX_BODY);
        }
    }

    static Stream<Arguments> malformed() {
        String post = "POST /echo HTTP/1.1\r\nHost: t\r\n";
        return Stream.of(
                arguments("version HTTP/2.0", "GET /hello HTTP/2.0\r\nHost: t\r\n\r\n"),
                arguments("version HTTP/1.2", "GET /hello HTTP/1.2\r\nHost: t\r\n\r\n"),
                arguments("version FOO/1.1", "GET /hello FOO/1.1\r\nHost: t\r\n\r\n"),
                arguments("version lower case", "GET /hello http/1.1\r\nHost: t\r\n\r\n"),
                arguments("no version", "GET /hello\r\nHost: t\r\n\r\n"),
                arguments("garbage line", "\u0001\u0002\u0003 nonsense\r\n\r\n"),
                arguments("extra token in request line", "GET /hello HTTP/1.1 extra\r\nHost: t\r\n\r\n"),
                arguments("space in header name", "GET /hello HTTP/1.1\r\nHost: t\r\nBad Header: x\r\n\r\n"),
                arguments("space before colon", "GET /hello HTTP/1.1\r\nHost: t\r\nX-Foo : x\r\n\r\n"),
                arguments("control char in header name", "GET /hello HTTP/1.1\r\nHost: t\r\nX\u0001Foo: x\r\n\r\n"),
                arguments("header without colon", "GET /hello HTTP/1.1\r\nHost: t\r\nNoColon\r\n\r\n"),
                arguments("empty header name", "GET /hello HTTP/1.1\r\nHost: t\r\n: x\r\n\r\n"),
                arguments("NUL in header value", "GET /hello HTTP/1.1\r\nHost: t\r\nX-Foo: a\u0000b\r\n\r\n"),
                arguments("CR in header value", "GET /hello HTTP/1.1\r\nHost: t\r\nX-Foo: a\rb\r\n\r\n"),
                arguments("missing Host", "GET /hello HTTP/1.1\r\n\r\n"),
                arguments("two Host headers", "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
                arguments("non-numeric Content-Length", post + "Content-Length: abc\r\n\r\nabc"),
                arguments("negative Content-Length", post + "Content-Length: -1\r\n\r\n"),
                arguments("signed Content-Length", post + "Content-Length: +3\r\n\r\nabc"),
                arguments("hex Content-Length", post + "Content-Length: 0x3\r\n\r\nabc"),
                arguments("empty Content-Length", post + "Content-Length: \r\n\r\n"),
                arguments("conflicting Content-Length", post + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"),
                arguments("duplicate Content-Length", post + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc"),
                arguments("Content-Length list", post + "Content-Length: 3, 4\r\n\r\nabcd"),
                arguments("bad chunk size", post + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"),
                arguments("negative chunk size", post + "Transfer-Encoding: chunked\r\n\r\n-3\r\nabc\r\n0\r\n\r\n"),
                arguments("chunk size overflow", post + "Transfer-Encoding: chunked\r\n\r\n10000000000000003\r\nabc\r\n0\r\n\r\n"),
                arguments("chunk data longer than its size", post + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n"),
                arguments("chunk without CRLF", post + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcXX0\r\n\r\n"),
                arguments("empty chunk size", post + "Transfer-Encoding: chunked\r\n\r\n\r\nabc\r\n0\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedRequestsAre400AndClose(String name, String request) {
        rejected(request, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%", "/%zz", "/hello%00", "/hello%", "*", "http://evil.example/hello", "/../../etc/passwd",
            "/hello?%zz=%", "/slow?ms=%ff", "/slow?ms=99999999999999999999", "//hello", "/%C0%AE"})
    void oddTargetsNeverAnswer500(String target) {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.send("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(r.status()).as(target).isBetween(200, 499);
            if (!"close".equals(r.header("connection"))) assertThat(c.exchange(get("/hello")).text()).isEqualTo("hello");
        }
    }

    @Test
    void randomGarbageNeverAnswers500OrHangs() {
        var random = new Random(42);
        for (int i = 0; i < 40; i++) {
            byte[] junk = new byte[1 + random.nextInt(300)];
            random.nextBytes(junk);
            try (var c = RawHttp.connect(server.port())) {
                c.send(junk).send("\r\n\r\n");
                var r = c.read();
                assertThat(r.status()).isBetween(400, 499);
                assertThat(c.closedByServer(Duration.ofSeconds(2))).isTrue();
            }
        }
    }

    @Test
    void aBadRequestDoesNotDisturbAConcurrentGoodConnection() {
        try (var good = RawHttp.connect(server.port()); var bad = RawHttp.connect(server.port())) {
            assertThat(good.exchange(get("/hello")).status()).isEqualTo(200);
            good.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\n\r\nabc");
            assertThat(bad.exchange("GET /hello HTTP/1.1\r\nHost: t\r\nX: a\u0000b\r\n\r\n").status()).isEqualTo(400);
            assertThat(bad.closedByServer(Duration.ofSeconds(2))).isTrue();
            good.send("def");
            assertThat(good.read().text()).isEqualTo("abcdef");
            assertThat(good.exchange(get("/hello")).text()).isEqualTo("hello");
        }
    }
}
