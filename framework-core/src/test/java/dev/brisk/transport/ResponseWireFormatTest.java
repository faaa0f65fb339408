package dev.brisk.transport;

import dev.brisk.Get;
import dev.brisk.Response;
import dev.brisk.internal.http.DateHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/** The bytes of a response on the wire: status line, header block, Date format, body framing. */
@ExtendWith(LeakCheck.class)
class ResponseWireFormatTest {
    static final int BIG = 100_000;
    @RegisterExtension
    static final SharedServer server = new SharedServer(new Routes());

    public static class Routes {
        @Get("/hello")
        public String hello() {
            return "hello";
        }

        @Get("/big")
        public byte[] big() {
            return pattern(BIG);
        }

        @Get("/status/{code}")
        public Response status(int code) {
            return Response.status(code).body("must not be sent for 1xx, 204 and 304");
        }

        @Get("/framing")
        public Response framing() {
            return Response.text("abc").header("Content-Length", "999").header("transfer-encoding", "chunked")
                    .header("Date", "yesterday").header("X-Kept", "1");
        }

        @Get(value = "/none", status = 204)
        public void none() {
        }
    }

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + (i >> 8));
        return b;
    }

    @Test
    void aResponseIsStatusLineHeadersBlankLineAndBodyExactly() throws IOException {
        try (var c = RawHttp.connect(server.port())) {
            c.send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            String raw = new String(c.socket().getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(raw).matches("HTTP/1\\.1 200 OK\r\n"
                    + "content-type: text/plain; charset=utf-8\r\n"
                    + "content-length: 5\r\n"
                    + "date: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n"
                    + "connection: close\r\n"
                    + "\r\n"
                    + "hello");
        }
    }

    @Test
    void theDateHeaderIsAnImfFixdateWithATwoDigitDay() {
        long fifthOfNovember = Instant.parse("2026-11-05T01:02:03Z").getEpochSecond();
        assertThat(DateHeader.format(fifthOfNovember)).isEqualTo("Thu, 05 Nov 2026 01:02:03 GMT");
        assertThat(DateHeader.now().toString()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    }

    @Test
    void theDateHeaderAgreesWithJavaTimeOnEveryDayFrom1970To2100() {
        var imf = java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US)
                .withZone(java.time.ZoneOffset.UTC);
        var random = new java.util.Random(7);
        for (long day = 0; day < 47_847; day++) {   // 1970-01-01 .. 2100-12-31, a random second of each day
            long second = day * 86_400 + random.nextInt(86_400);
            assertThat(DateHeader.format(second)).as("second %d", second).isEqualTo(imf.format(Instant.ofEpochSecond(second)));
        }
        assertThat(DateHeader.format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(DateHeader.format(Instant.parse("2000-02-29T23:59:59Z").getEpochSecond())).isEqualTo("Tue, 29 Feb 2000 23:59:59 GMT");
    }

    @Test
    void aLargeBodyArrivesWholeBetweenPipelinedSmallOnes() {
        try (var c = RawHttp.connect(server.port())) {
            c.send(get("/hello") + get("/big") + get("/hello"));
            assertThat(c.read().text()).isEqualTo("hello");
            var big = c.read();
            assertThat(big.header("content-length")).isEqualTo(String.valueOf(BIG));
            assertThat(big.body()).isEqualTo(pattern(BIG));
            assertThat(c.read().text()).isEqualTo("hello");
        }
    }

    @Test
    void noBodyIsSentWith204Or304EvenWhenTheHandlerGaveOne() {
        try (var c = RawHttp.connect(server.port())) {
            c.send(get("/status/304") + get("/none") + get("/hello"));
            var notModified = c.read();
            assertThat(notModified.statusLine()).isEqualTo("HTTP/1.1 304 Not Modified");
            assertThat(notModified.header("content-length")).isNull();
            var noContent = c.read();
            assertThat(noContent.statusLine()).isEqualTo("HTTP/1.1 204 No Content");
            assertThat(noContent.header("content-length")).isNull();
            // had any body bytes been sent, this would not parse as the next response
            assertThat(c.read().text()).isEqualTo("hello");
        }
    }

    @Test
    void framingHeadersFromAHandlerAreLeftOutSoTheConnectionStaysInSync() {
        try (var c = RawHttp.connect(server.port())) {
            c.send(get("/framing") + get("/hello"));
            var r = c.read();
            assertThat(r.headers("content-length")).containsExactly("3");
            assertThat(r.headers("transfer-encoding")).isEmpty();
            assertThat(r.headers("date")).hasSize(1).noneMatch("yesterday"::equals);
            assertThat(r.header("x-kept")).isEqualTo("1");
            assertThat(r.text()).isEqualTo("abc");
            assertThat(c.read().text()).isEqualTo("hello");
        }
    }

    @Test
    void anUnregisteredStatusCodeGetsItsClassReasonPhrase() {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange(get("/status/299"));
            assertThat(r.status()).isEqualTo(299);
            assertThat(r.statusLine()).startsWith("HTTP/1.1 299 ");
            assertThat(r.text()).isEqualTo("must not be sent for 1xx, 204 and 304");
        }
    }

    @Test
    void anHttp10RequestIsAnsweredWithAnHttp11StatusLineAndKeepAliveWhenAsked() {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertThat(r.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(r.header("connection")).isEqualTo("keep-alive");
            assertThat(c.exchange(get("/hello")).text()).isEqualTo("hello");
        }
    }
}
