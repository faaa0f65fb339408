package dev.brisk.it.streaming;

import dev.brisk.App;
import dev.brisk.EventStream;
import dev.brisk.Get;
import dev.brisk.Response;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that goes away cancels the producer of an endless body at once, and its resources are closed. */
class ClientDisconnectTest {
    static final CountDownLatch inputClosed = new CountDownLatch(1);
    static final CountDownLatch streamClosed = new CountDownLatch(1);
    static final CountDownLatch emitterClosed = new CountDownLatch(1);
    static final CountDownLatch writerStopped = new CountDownLatch(1);
    static final CountDownLatch publisherCancelled = new CountDownLatch(1);
    static final AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    static final AtomicReference<EventStream.Emitter<String>> emitter = new AtomicReference<>();

    public static class Routes {
        @Get("/input")
        public InputStream input() {
            return new InputStream() {
                @Override
                public int read() {
                    return 'x';
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                    return len;
                }

                @Override
                public void close() {
                    inputClosed.countDown();
                }
            };
        }

        @Get("/stream")
        public Stream<String> stream() {
            return Stream.generate(() -> "tick\n").onClose(streamClosed::countDown);
        }

        @Get("/events")
        public EventStream<String> events() {
            return EventStream.create(e -> {
                emitter.set(e);
                e.onClose(emitterClosed::countDown);
                e.send("hello");
            });
        }

        @Get("/writer")
        public Response writer() {
            return Response.stream("text/plain", out -> {
                try {
                    for (;;) out.write(new byte[8192]);
                } catch (IOException e) {
                    writerFailure.set(e);
                    throw e;
                } finally {
                    writerStopped.countDown();
                }
            });
        }

        @Get("/publisher")
        public Flow.Publisher<String> publisher() {
            return s -> s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    for (long i = 0; i < n; i++) s.onNext("p");
                }

                @Override
                public void cancel() {
                    publisherCancelled.countDown();
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

    private static void readThenLeave(String path) {
        try (var s = client.stream(path)) {
            assertThat(s.status()).isEqualTo(200);
            assertThat(s.nextChunk()).isPresent();
        }
    }

    @Test
    void anInputStreamIsClosed() throws InterruptedException {
        readThenLeave("/input");
        assertThat(inputClosed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aJavaStreamIsClosed() throws InterruptedException {
        readThenLeave("/stream");
        assertThat(streamClosed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anEmitterIsClosedAndRefusesMore() throws InterruptedException {
        readThenLeave("/events");
        assertThat(emitterClosed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(emitter.get().isOpen()).isFalse();
        assertThat(emitter.get().send("after")).isFalse();
    }

    @Test
    void aBodyWritersWritesFail() throws InterruptedException {
        readThenLeave("/writer");
        assertThat(writerStopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(writerFailure.get()).isInstanceOf(IOException.class).hasMessageContaining("gone away");
    }

    @Test
    void aPublishersSubscriptionIsCancelled() throws InterruptedException {
        readThenLeave("/publisher");
        assertThat(publisherCancelled.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
