package dev.brisk;

import dev.brisk.transport.LeakCheck;
import dev.brisk.transport.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GZip on streamed bodies, over a real socket: each piece is compressed and flushed as it comes
 * (the client decodes it before the next one exists), the whole stream decompresses to the same
 * bytes, HEAD sends the head only, and a client that goes away cancels the producer; no buffer leaks.
 */
@ExtendWith(LeakCheck.class)
class GZipStreamingTest {
    private Server server;

    @AfterEach
    void stop() {
        if (server != null) server.close(Duration.ZERO);
    }

    private int start(StreamedBodies stream, Middleware... more) {
        var b = App.builder().eventLoops(1).docs(false).middleware(GZip.create()).middleware(more).middleware(stream)
                .route("GET", "/stream", req -> "replaced by the stream");
        server = b.build().start("127.0.0.1", 0);
        return server.port();
    }

    @Test
    void eachPieceIsCompressedAndSentAsItComes() throws Exception {
        var pieces = List.of("first piece, ", "second piece, ", "third and last piece");
        var stream = new StreamedBodies(pieces, "text/plain; charset=utf-8", -1);
        int port = start(stream);
        try (var socket = socket(port)) {
            var in = socket.getInputStream();
            send(socket, "GET /stream HTTP/1.1\r\nHost: t\r\nAccept-Encoding: deflate\r\n\r\n");
            var head = head(in);
            assertThat(head.get("content-encoding")).containsExactly("deflate");
            assertThat(head.get("transfer-encoding")).containsExactly("chunked");
            assertThat(head.get("vary")).containsExactly("Accept-Encoding");
            assertThat(head).doesNotContainKey("content-length");
            var inflater = new Inflater();
            var decoded = new StringBuilder();
            for (String piece : pieces) {
                stream.release(1);
                // Only this piece exists so far: it must arrive, decodable on its own (a sync flush), now.
                while (decoded.length() < decodedLengthAfter(pieces, piece)) {
                    byte[] chunk = chunk(in);
                    assertThat(chunk).as("a chunk before the stream's end").isNotNull();
                    decoded.append(inflate(inflater, chunk));
                }
                assertThat(decoded.toString()).endsWith(piece);
            }
            byte[] rest = new byte[0];
            for (byte[] c; (c = chunk(in)) != null; ) rest = concat(rest, c);
            decoded.append(inflate(inflater, rest));
            assertThat(inflater.finished()).as("the trailer ends the deflate stream").isTrue();
            assertThat(decoded.toString()).isEqualTo(String.join("", pieces));
        }
        assertThat(stream.events).containsExactly("subscribed", "completed");
    }

    @Test
    void aLongStreamDecompressesToTheSameBytes() throws Exception {
        var pieces = new ArrayList<String>();
        IntStream.range(0, 300).forEach(i -> pieces.add(i % 50 == 0 ? "" : "line " + i + " " + "x".repeat(i % 97) + "\n"));
        var stream = new StreamedBodies(pieces, "application/x-ndjson", -1);
        int port = start(stream);
        stream.release(pieces.size());
        try (var socket = socket(port)) {
            var in = socket.getInputStream();
            send(socket, "GET /stream HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n");
            assertThat(head(in).get("content-encoding")).containsExactly("gzip");
            byte[] body = new byte[0];
            for (byte[] c; (c = chunk(in)) != null; ) body = concat(body, c);
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(body))) {
                assertThat(new String(gz.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(String.join("", pieces));
            }
            // The connection stays usable after the stream.
            send(socket, "GET /stream HTTP/1.1\r\nHost: t\r\n\r\n");
        }
    }

    @Test
    void aStreamOfKnownLengthBelowTheMinimumIsSentAsItIs() throws Exception {
        var stream = new StreamedBodies(List.of("tiny"), "text/plain", 4);
        int port = start(stream);
        stream.release(1);
        try (var http = RawHttp.connect(port)) {
            var r = http.exchange("GET /stream HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n");
            assertThat(r.text()).isEqualTo("tiny");
            assertThat(r.header("content-encoding")).isNull();
            assertThat(r.header("vary")).isEqualTo("Accept-Encoding");
        }
    }

    @Test
    void headOfAStreamSendsTheHeadersOfGetOnly() throws Exception {
        var stream = new StreamedBodies(List.of("never sent"), "text/plain", -1);
        int port = start(stream);
        try (var socket = socket(port)) {
            var in = socket.getInputStream();
            send(socket, "HEAD /stream HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n");
            var head = head(in);
            assertThat(head.get("content-encoding")).containsExactly("gzip");
            assertThat(head.get("transfer-encoding")).containsExactly("chunked");
            send(socket, "GET /missing HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(statusLine(in)).as("no body came between the two heads").startsWith("HTTP/1.1 404");
        }
        assertThat(stream.events).containsExactly("subscribed", "cancelled");
    }

    @Test
    void aClientThatGoesAwayCancelsTheProducer() throws Exception {
        var pieces = IntStream.range(0, 50).mapToObj(i -> "piece " + i + " ").toList();
        var stream = new StreamedBodies(pieces, "text/plain", -1);
        int port = start(stream);
        try (var socket = socket(port)) {
            var in = socket.getInputStream();
            send(socket, "GET /stream HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n");
            head(in);
            stream.release(1);
            assertThat(chunk(in)).isNotEmpty();
        }
        // The server allows half-closed connections, so it learns that the client is gone when a write is
        // refused (the client's reset of an earlier one): the producer is cancelled then, its stream unfinished.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!stream.events.contains("cancelled") && System.nanoTime() < deadline) {
            stream.release(1);
            Thread.sleep(20);
        }
        assertThat(stream.events).containsExactly("subscribed", "cancelled");
    }

    // ------------------------------------------------------------------------------------ a chunked reader

    private static int decodedLengthAfter(List<String> pieces, String piece) {
        int n = 0;
        for (String p : pieces) {
            n += p.length();
            if (p == piece) return n;
        }
        throw new IllegalArgumentException(piece);
    }

    private static String inflate(Inflater inflater, byte[] data) throws DataFormatException {
        inflater.setInput(data);
        var out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = inflater.inflate(buf)) > 0) out.write(buf, 0, n);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Socket socket(int port) throws IOException {
        var s = new Socket("127.0.0.1", port);
        s.setSoTimeout(5000);
        s.setTcpNoDelay(true);
        return s;
    }

    private static void send(Socket s, String request) throws IOException {
        s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    private static String statusLine(InputStream in) throws IOException {
        return line(in);
    }

    private static Map<String, List<String>> head(InputStream in) throws IOException {
        String status = line(in);
        assertThat(status).startsWith("HTTP/1.1 200");
        var headers = new LinkedHashMap<String, List<String>>();
        for (String l; !(l = line(in)).isEmpty(); ) {
            int colon = l.indexOf(':');
            headers.computeIfAbsent(l.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(l.substring(colon + 1).trim());
        }
        return headers;
    }

    /** The next chunk's data, or null at the last (empty) chunk. Blocks (up to the socket timeout) until it arrives. */
    private static byte[] chunk(InputStream in) throws IOException {
        int size = Integer.parseInt(line(in).trim(), 16);
        byte[] data = in.readNBytes(size);
        assertThat(line(in)).isEmpty();
        return size == 0 ? null : data;
    }

    private static String line(InputStream in) throws IOException {
        var b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new IOException("connection closed");
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
