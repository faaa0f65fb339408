package dev.brisk.transport;

import dev.brisk.EventStream;
import dev.brisk.Get;
import dev.brisk.ServerSentEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** An event stream on the wire, byte for byte, over a real socket; and read by curl, a client of its own. */
@ExtendWith(LeakCheck.class)
class EventStreamWireTest {
    public record Tick(int n) {}

    public static class Routes {
        @Get("/ticks")
        public EventStream<Tick> ticks() {
            return EventStream.of(IntStream.rangeClosed(1, 3).mapToObj(i -> ServerSentEvent.of(new Tick(i)).withEvent("tick").withId(String.valueOf(i))));
        }
    }

    @RegisterExtension
    static final SharedServer server = new SharedServer(new Routes());

    @Test
    void theBytesOnTheWire() throws IOException {
        String r;
        try (var c = RawHttp.connect(server.port())) {
            c.send("GET /ticks HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            r = new String(c.socket().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        String head = r.substring(0, r.indexOf("\r\n\r\n") + 4);
        assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").contains("content-type: text/event-stream; charset=utf-8\r\n")
                .contains("cache-control: no-cache\r\n").contains("x-accel-buffering: no\r\n").contains("transfer-encoding: chunked\r\n")
                .contains("connection: close\r\n").doesNotContain("content-length").doesNotContain("content-encoding");
        String event1 = "event: tick\ndata: {\"n\":1}\nid: 1\n\n";
        String body = r.substring(head.length());
        assertThat(body).isEqualTo(Integer.toHexString(event1.length()) + "\r\n" + event1 + "\r\n"
                + Integer.toHexString(event1.length()) + "\r\n" + event1.replace("1", "2") + "\r\n"
                + Integer.toHexString(event1.length()) + "\r\n" + event1.replace("1", "3") + "\r\n"
                + "0\r\n\r\n");
    }

    @Test
    void curlReadsTheEvents() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        var p = new ProcessBuilder("/usr/bin/curl", "-sN", "--max-time", "10", "-H", "Accept: text/event-stream",
                "http://127.0.0.1:" + server.port() + "/ticks").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).isEqualTo("event: tick\ndata: {\"n\":1}\nid: 1\n\nevent: tick\ndata: {\"n\":2}\nid: 2\n\nevent: tick\ndata: {\"n\":3}\nid: 3\n\n");
    }
}
