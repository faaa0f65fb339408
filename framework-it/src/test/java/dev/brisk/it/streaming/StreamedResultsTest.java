package dev.brisk.it.streaming;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Response;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of streamed result reaches the client whole, chunked, with the content type its kind implies. */
class StreamedResultsTest {
    public record Row(int n, String name) {}

    public static class Routes {
        @Get("/input")
        public InputStream input() {
            return new ByteArrayInputStream("from an input stream".getBytes(StandardCharsets.UTF_8));
        }

        @Get("/lines")
        public Stream<String> lines() {
            return IntStream.range(0, 5).mapToObj(i -> "chunk-" + i + "\n");
        }

        @Get("/rows")
        public Iterator<Row> rows() {
            return List.of(new Row(1, "a"), new Row(2, "b")).iterator();
        }

        @Get("/bytes")
        public Stream<byte[]> bytes() {
            return Stream.of(new byte[] {1, 2}, new byte[] {3});
        }

        @Get("/published")
        public Flow.Publisher<String> published() {
            return new Counting(3);
        }

        @Get("/written")
        public Response written() {
            return Response.stream("text/csv", out -> {
                for (int i = 0; i < 3; i++) out.write(("row," + i + "\n").getBytes(StandardCharsets.UTF_8));
            });
        }

        @Get("/typed")
        public Response typed() {
            return Response.stream(Stream.of("<p>", "hi", "</p>"), "text/html; charset=utf-8").header("X-Kind", "stream");
        }

        @Get("/later")
        public CompletableFuture<Stream<String>> later() {
            return CompletableFuture.completedFuture(Stream.of("on ", "the ", "loop"));
        }
    }

    /** A publisher of "p0;" .. that honours demand and signals from another thread. */
    static final class Counting implements Flow.Publisher<String> {
        private final int count;

        Counting(int count) {
            this.count = count;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super String> s) {
            s.onSubscribe(new Flow.Subscription() {
                private int next;
                private boolean done;

                @Override
                public synchronized void request(long n) {
                    CompletableFuture.runAsync(() -> {
                        synchronized (this) {
                            for (long i = 0; i < n && next < count; i++) s.onNext("p" + next++ + ";");
                            if (next == count && !done) {
                                done = true;
                                s.onComplete();
                            }
                        }
                    });
                }

                @Override
                public void cancel() {
                    next = count;
                }
            });
        }
    }

    static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.of(App.builder().include(new Routes()).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void anInputStreamIsSentAsOctetsInChunks() {
        var r = client.get("/input");
        assertThat(r).hasStatus(200).hasHeader("Content-Type", "application/octet-stream").hasText("from an input stream");
        try (var s = client.stream("/input")) {   // the head as sent (the plain TestClient response is aggregated)
            assertThat(s.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(s.header("Content-Length")).isNull();
        }
    }

    @Test
    void aStreamOfStringsIsUtf8Text() {
        assertThat(client.get("/lines")).hasStatus(200).hasHeader("Content-Type", "text/plain; charset=utf-8")
                .hasText("chunk-0\nchunk-1\nchunk-2\nchunk-3\nchunk-4\n");
    }

    @Test
    void anIteratorOfRecordsIsJsonLines() {
        assertThat(client.get("/rows")).hasHeader("Content-Type", "application/jsonl")
                .hasText("{\"n\":1,\"name\":\"a\"}\n{\"n\":2,\"name\":\"b\"}\n");
    }

    @Test
    void aStreamOfByteArraysIsOctets() {
        var r = client.get("/bytes");
        assertThat(r).hasHeader("Content-Type", "application/octet-stream");
        assertThat(r.bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void aPublishersItemsArrive() {
        assertThat(client.get("/published")).hasHeader("Content-Type", "text/plain; charset=utf-8").hasText("p0;p1;p2;");
    }

    @Test
    void aBodyWriterWritesOnAWorker() {
        assertThat(client.get("/written")).hasHeader("Content-Type", "text/csv").hasText("row,0\nrow,1\nrow,2\n");
    }

    @Test
    void aStreamResponseKeepsItsTypeAndHeaders() {
        assertThat(client.get("/typed")).hasHeader("Content-Type", "text/html; charset=utf-8").hasHeader("X-Kind", "stream")
                .hasText("<p>hi</p>");
    }

    @Test
    void aFutureOfAStreamIsStreamedToo() {
        assertThat(client.get("/later")).hasText("on the loop");
    }

    @Test
    void theTestClientReadsPiecesAsTheyCome() {
        try (var s = client.stream("/lines")) {
            assertThat(s.status()).isEqualTo(200);
            var first = s.nextChunk();
            assertThat(first).isPresent();
            assertThat(new String(first.get(), StandardCharsets.UTF_8)).isEqualTo("chunk-0\n");
            assertThat(s.readText()).isEqualTo("chunk-1\nchunk-2\nchunk-3\nchunk-4\n");
            assertThat(s.nextChunk()).isEmpty();
        }
    }

    @Test
    void headOfAStreamHasTheHeadersAndNoBody() {
        var r = client.head("/lines");
        assertThat(r).hasStatus(200).hasHeader("Content-Type", "text/plain; charset=utf-8");
        assertThat(r.bytes()).isEmpty();
    }
}
