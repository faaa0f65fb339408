package dev.brisk.extension;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.transport.LeakCheck;
import dev.brisk.transport.RawHttp;
import dev.brisk.transport.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport frames every kind of reply body exactly (over a real socket): chunked streams, streams of
 * known length, a stream that fails half-way (the connection is cut, no terminating chunk), HTTP/1.0
 * (close-delimited), file regions (sendfile), HEAD, and a protocol switch (101, then the new protocol).
 */
@ExtendWith(LeakCheck.class)
class ReplyBodiesTest {
    public static class Routes {
        @Get("/stream") @Hooked("stream") public String stream() { return "never"; }
        @Get("/stream-length") @Hooked("stream-length") public String streamLength() { return "never"; }
        @Get("/stream-fail") @Hooked("stream-fail") public String streamFail() { return "never"; }
        @Get("/file") @Hooked("file") public String file() { return "never"; }
        @Get("/upgrade") @Hooked("upgrade") public String upgrade() { return "never"; }
        @Get("/hello") public String hello() { return "hello"; }
    }

    @RegisterExtension
    static final SharedServer server = new SharedServer(b -> b.title("ext-test-bodies"), new Routes());

    private static String raw(String request) throws IOException {
        try (var c = RawHttp.connect(server.port())) {
            c.send(request);
            return new String(c.socket().getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void aStreamIsChunkedAndTheNextPipelinedResponseFollowsIt() throws IOException {
        String r = raw("GET /stream HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 200 OK\r\n").contains("transfer-encoding: chunked\r\n").doesNotContain("content-length: 1");
        assertThat(r).contains("\r\n\r\n4\r\none\n\r\n4\r\ntwo\n\r\n6\r\nthree\n\r\n0\r\n\r\nHTTP/1.1 200 OK\r\n");
        assertThat(r).endsWith("\r\n\r\nhello");
    }

    @Test
    void aStreamOfKnownLengthIsSentWithContentLength() throws IOException {
        String r = raw("GET /stream-length HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        assertThat(r).contains("content-length: 8\r\n").doesNotContain("transfer-encoding");
        assertThat(body(r)).isEqualTo("01234567");
    }

    @Test
    void aStreamThatFailsCutsTheConnectionWithoutTheLastChunk() throws IOException {
        String r = raw("GET /stream-fail HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
        assertThat(r).contains("transfer-encoding: chunked").contains("8\r\npartial \r\n");
        assertThat(r).doesNotContain("0\r\n\r\n").doesNotContain("hello");
    }

    @Test
    void http10GetsACloseDelimitedStream() throws IOException {
        String r = raw("GET /stream HTTP/1.0\r\n\r\n");
        assertThat(r).contains("connection: close").doesNotContain("transfer-encoding").doesNotContain("content-length");
        assertThat(body(r)).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    void aFileRegionIsSentWithItsLength() throws IOException {
        String r = raw("GET /file HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        assertThat(r).contains("content-length: 8\r\n");
        assertThat(body(r)).isEqualTo("456789ab");
    }

    @Test
    void headOfAStreamHasTheHeadersAndNoBody() throws IOException {
        String r = raw("HEAD /stream HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 200 OK\r\n").contains("transfer-encoding: chunked");
        assertThat(r.substring(r.indexOf("\r\n\r\n") + 4)).startsWith("HTTP/1.1 200 OK\r\n").endsWith("hello");
    }

    @Test
    void aProtocolSwitchHandsTheConnectionOver() throws Exception {
        try (var c = RawHttp.connect(server.port())) {
            c.send("GET /upgrade HTTP/1.1\r\nHost: t\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\n");
            var in = c.socket().getInputStream();
            var head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
            assertThat(head.toString()).startsWith("HTTP/1.1 101 Switching Protocols\r\n").contains("connection: Upgrade")
                    .contains("upgrade: echo").doesNotContain("content-length").doesNotContain("date:");
            c.send("ping, not HTTP");
            byte[] back = in.readNBytes(14);
            assertThat(new String(back, StandardCharsets.US_ASCII)).isEqualTo("ping, not HTTP");
        }
    }
}
