package dev.brisk.transport;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.brisk.transport.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/** Several requests in one write: answered in request order, whatever finishes first. */
@ExtendWith(LeakCheck.class)
class PipeliningTest {
    @RegisterExtension
    static final SharedServer server = new SharedServer(new TestRoutes());

    @Test
    void responsesComeBackInRequestOrderWhenAnEarlierOneIsSlow() {
        try (var c = RawHttp.connect(server.port())) {
            c.send(get("/slow?ms=300") + get("/hello") + get("/async?ms=1") + get("/slow?ms=1")
                    + "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nxyz" + get("/nope"));
            assertThat(c.read().text()).isEqualTo("slow 300");
            assertThat(c.read().text()).isEqualTo("hello");
            assertThat(c.read().text()).isEqualTo("async 1");
            assertThat(c.read().text()).isEqualTo("slow 1");
            assertThat(c.read().text()).isEqualTo("xyz");
            assertThat(c.read().status()).isEqualTo(404);
            assertThat(c.exchange(get("/hello")).text()).isEqualTo("hello");
        }
    }

    @Test
    void slowEventLoopRouteBeforeFastWorkerRoute() {
        try (var c = RawHttp.connect(server.port())) {
            c.send(get("/async?ms=200") + get("/slow?ms=0") + get("/hello"));
            assertThat(c.read().text()).isEqualTo("async 200");
            assertThat(c.read().text()).isEqualTo("slow 0");
            assertThat(c.read().text()).isEqualTo("hello");
        }
    }

    @Test
    void manyPipelinedRequestsAreAllAnsweredInOrder() {
        int n = 500;
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i % 3 == 0 ? get("/slow?ms=" + i % 2) : get("/async?ms=" + i % 2));
        try (var c = RawHttp.connect(server.port())) {
            c.send(sb.toString());
            for (int i = 0; i < n; i++) {
                var r = c.read();
                assertThat(r.status()).as("response %d", i).isEqualTo(200);
                assertThat(r.text()).isEqualTo((i % 3 == 0 ? "slow " : "async ") + i % 2);
            }
            assertThat(c.silentFor(Duration.ofMillis(100))).isTrue();
        }
    }

    @Test
    void aClientThatLeavesMidPipelineLeavesNothingBehind() throws Exception {
        // Responses finished behind a slow one are queued; the disconnect must release them (LeakCheck).
        for (int i = 0; i < 20; i++) {
            var c = RawHttp.connect(server.port());
            c.send(get("/slow?ms=100") + get("/hello") + get("/json") + "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc");
            Thread.sleep(20);
            c.socket().setSoLinger(true, 0); // reset, not a polite half-close
            c.close();
        }
        Thread.sleep(300);
        try (var c = RawHttp.connect(server.port())) {
            assertThat(c.exchange(get("/hello")).text()).isEqualTo("hello");
        }
    }

    @Test
    void requestsAfterConnectionCloseAreNotAnswered() {
        try (var c = RawHttp.connect(server.port())) {
            c.send(get("/slow?ms=50") + "GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n" + get("/json"));
            var first = c.read();
            assertThat(first.text()).isEqualTo("slow 50");
            assertThat(first.header("connection")).isNull();
            var second = c.read();
            assertThat(second.text()).isEqualTo("hello");
            assertThat(second.header("connection")).isEqualTo("close");
            assertThat(c.closedByServer(Duration.ofSeconds(2))).isTrue();
        }
    }
}
