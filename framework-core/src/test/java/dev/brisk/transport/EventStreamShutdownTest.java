package dev.brisk.transport;

import dev.brisk.EventStream;
import dev.brisk.Get;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A graceful shutdown ends open event streams cleanly (the last chunk is sent) instead of waiting out the grace period. */
class EventStreamShutdownTest {
    static final CountDownLatch producerClosed = new CountDownLatch(1);

    public static class Routes {
        @Get("/forever")
        public EventStream<String> forever() {
            return EventStream.create(e -> {
                e.send("hello");
                e.onClose(producerClosed::countDown);
            });
        }
    }

    @Test
    void openStreamsEndWithTheirLastChunk() throws Exception {
        var server = TestServers.start(b -> b.shutdownGrace(Duration.ofSeconds(20)), new Routes());
        try (var c = RawHttp.connect(server.port())) {
            c.send("GET /forever HTTP/1.1\r\nHost: t\r\n\r\n");
            InputStream in = c.socket().getInputStream();
            var seen = new ByteArrayOutputStream();
            while (!seen.toString(StandardCharsets.UTF_8).contains("data: hello\n\n")) seen.write(in.read());
            long start = System.nanoTime();
            var closing = CompletableFuture.runAsync(server::close);
            byte[] rest = in.readAllBytes();   // ends when the server closes the connection
            closing.get(10, TimeUnit.SECONDS);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(new String(rest, StandardCharsets.US_ASCII)).isEqualTo("\r\n0\r\n\r\n");   // the end of the data chunk, then the last chunk
            assertThat(producerClosed.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
