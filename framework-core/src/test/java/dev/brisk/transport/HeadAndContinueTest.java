package dev.brisk.transport;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/** HEAD on GET routes and {@code Expect: 100-continue}. */
@ExtendWith(LeakCheck.class)
class HeadAndContinueTest {
    @RegisterExtension
    static final SharedServer server = new SharedServer(b -> b.maxBodySize(1000), new TestRoutes());

    @Test
    void headOnAGetRouteHasTheSameHeadersAndNoBody() {
        try (var c = RawHttp.connect(server.port())) {
            var full = c.exchange(get("/json"));
            var head = c.send("HEAD /json HTTP/1.1\r\nHost: t\r\n\r\n").read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo(full.header("content-length")).isEqualTo("27");
            assertThat(head.header("content-type")).isEqualTo(full.header("content-type"));
            assertThat(head.header("date")).isNotNull();
            // no body bytes: the next response starts right away
            var next = c.exchange(get("/hello"));
            assertThat(next.text()).isEqualTo("hello");
        }
    }

    @Test
    void pipelinedHeadRequestsKeepTheConnectionUsable() {
        try (var c = RawHttp.connect(server.port())) {
            c.send("HEAD /slow?ms=50 HTTP/1.1\r\nHost: t\r\n\r\nHEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n" + get("/hello"));
            assertThat(c.read(true).header("content-length")).isEqualTo("7");
            assertThat(c.read(true).header("content-length")).isEqualTo("5");
            assertThat(c.read().text()).isEqualTo("hello");
        }
    }

    @Test
    void headOnAnUnknownPathIs404WithoutBody() {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.send("HEAD /nope HTTP/1.1\r\nHost: t\r\n\r\n").read(true);
            assertThat(r.status()).isEqualTo(404);
            assertThat(c.exchange(get("/hello")).text()).isEqualTo("hello");
        }
    }

    @Test
    void expectContinueGetsAnInterim100ThenTheFinalResponse() {
        try (var c = RawHttp.connect(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
            var interim = c.read();
            assertThat(interim.status()).isEqualTo(100);
            c.send("ping");
            var r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("ping");
            assertThat(c.exchange(get("/hello")).text()).isEqualTo("hello");
        }
    }

    @Test
    void expectContinueWithChunkedBody() {
        try (var c = RawHttp.connect(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(100);
            c.send("3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
            assertThat(c.read().text()).isEqualTo("abcde");
        }
    }

    @Test
    void oversizedContentLengthGets413AndNo100() {
        try (var c = RawHttp.connect(server.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 1001\r\n\r\n");
            var r = c.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(c.closedByServer(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void continueForAPipelinedRequestWaitsForEarlierResponses() {
        try (var c = RawHttp.connect(server.port())) {
            c.send(get("/slow?ms=200") + "POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            assertThat(c.read().text()).isEqualTo("slow 200");
            assertThat(c.read().status()).isEqualTo(100);
            c.send("ok");
            assertThat(c.read().text()).isEqualTo("ok");
        }
    }

    @Test
    void unknownExpectationGets417() {
        try (var c = RawHttp.connect(server.port())) {
            var r = c.exchange("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: something\r\nContent-Length: 2\r\n\r\nok");
            assertThat(r.status()).isEqualTo(417);
        }
    }

    @Test
    void http10IgnoresExpectContinue() {
        try (var c = RawHttp.connect(server.port())) {
            c.send("POST /echo HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok");
            var r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("ok");
        }
    }
}
