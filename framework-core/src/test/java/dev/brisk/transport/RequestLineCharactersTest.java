package dev.brisk.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.stream.Stream;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The request line holds only visible US-ASCII and single-space separators (RFC 9112, section 3:
 * {@code method SP request-target SP HTTP-version}, the target in RFC 3986 syntax). Control
 * characters (NUL, bare CR, HTAB, VT, FF, DEL, ...) and bytes above 0x7F anywhere in it are a 400
 * and a close, as they are in headers — never a routed request (a 404 would mean the bytes reached
 * the router). The bytes after a rejected line are never read as another request.
 */
@ExtendWith(LeakCheck.class)
class RequestLineCharactersTest {
    @RegisterExtension
    static final SharedServer server = new SharedServer(new TestRoutes());

    static Stream<Arguments> badLines() {
        return Stream.of(
                arguments("NUL in the target", "GET /js\u0000on HTTP/1.1"),
                arguments("NUL at the end of the target", "GET /json\u0000 HTTP/1.1"),
                arguments("NUL in the method", "G\u0000T /json HTTP/1.1"),
                arguments("NUL in the version", "GET /json HTTP/1.1\u0000"),
                arguments("bare CR in the target", "GET /js\ron HTTP/1.1"),
                arguments("bare CR as the separator", "GET /json\rHTTP/1.1"),
                arguments("HTAB in the target", "GET /js\ton HTTP/1.1"),
                arguments("HTAB as the first separator", "GET\t/json HTTP/1.1"),
                arguments("HTAB as the second separator", "GET /json\tHTTP/1.1"),
                arguments("VT in the target", "GET /js\u000bon HTTP/1.1"),
                arguments("FF as the separator", "GET\u000c/json HTTP/1.1"),
                arguments("SOH in the target", "GET /js\u0001on HTTP/1.1"),
                arguments("ESC in the target", "GET /js\u001bon HTTP/1.1"),
                arguments("unit separator in the query", "GET /json?a=\u001f HTTP/1.1"),
                arguments("DEL in the target", "GET /js\u007fon HTTP/1.1"),
                arguments("byte 0x80 in the target", "GET /js\u0080on HTTP/1.1"),
                arguments("byte 0xE9 in the target", "GET /caf\u00e9 HTTP/1.1"),
                arguments("raw UTF-8 in the target", "GET /caf\u00c3\u00a9 HTTP/1.1"),
                arguments("byte 0xFF in the query", "GET /json?q=\u00ff HTTP/1.1"),
                arguments("byte 0xE9 in the method", "G\u00e9T /json HTTP/1.1"),
                arguments("DEL in the version", "GET /json HTTP/1.1\u007f"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void isRejectedWith400AndClose(String name, String line) {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange(line + "\r\nHost: t\r\n\r\n" + get("/json"));
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(r.text()).startsWith("{\"detail\":\"Bad Request");
            assertThat(c.closedByServer(Duration.ofSeconds(2))).as("nothing after the 400").isTrue();
        }
    }

    @Test
    void theRejectionNamesTheByte() {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange("GET /js\u0000on HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).isEqualTo("{\"detail\":\"Bad Request: invalid byte 0x00 in the request line\"}");
        }
    }

    @Test
    void aLaterRequestOnANewConnectionIsServed() {
        try (var bad = RawHttp.connect(server.port()); var good = RawHttp.connect(server.port())) {
            assertThat(bad.exchange("GET /js\u00e9on HTTP/1.1\r\nHost: t\r\n\r\n").status()).isEqualTo(400);
            assertThat(good.exchange(get("/hello")).text()).isEqualTo("hello");
        }
    }

    /** What may appear: percent-encoded bytes of any value, every visible ASCII character, empty lines before the request. */
    @ParameterizedTest
    @ValueSource(strings = {"/caf%C3%A9", "/js%00on", "/js%7Fon", "/json?q=%FF%0D%0A", "/a!$&'()*+,;=:@-._~b", "/json?x=[]{}|^`\"<>\\"})
    void visibleAsciiAndPercentEscapesAreNotRejectedHere(String target) {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange(get(target));
            assertThat(r.status()).as(target).isNotEqualTo(400).isBetween(200, 499);
        }
    }

    @Test
    void emptyLinesBeforeTheRequestLineAreStillIgnored() {
        try (var c = RawHttp.connect(server.port())) {
            assertThat(c.exchange("\r\n\r\n" + get("/hello")).text()).isEqualTo("hello");
        }
    }

    @Test
    void aCleanRequestAfterAnotherOnTheSameConnectionIsServed() {
        try (var c = RawHttp.connect(server.port())) {
            assertThat(c.exchange(get("/hello")).text()).isEqualTo("hello");
            assertThat(c.exchange(get("/hello?q=%C3%A9")).text()).isEqualTo("hello");
        }
    }
}
