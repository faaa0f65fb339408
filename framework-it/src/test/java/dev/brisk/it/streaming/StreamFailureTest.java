package dev.brisk.it.streaming;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A source that fails half-way cuts the connection: the client never takes a half body for a whole one. */
class StreamFailureTest {
    static final AtomicBoolean closed = new AtomicBoolean();

    public static class Routes {
        @Get("/half")
        public Iterator<String> half() {
            return new Failing();
        }

        @Get("/ok")
        public String ok() {
            return "still serving";
        }
    }

    static final class Failing implements Iterator<String>, AutoCloseable {
        int n;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public String next() {
            if (n++ == 2) throw new IllegalStateException("the database went away");
            return "part " + n + "\n";
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void theConnectionIsCutWithoutTheLastChunk() {
        try (var client = TestClient.of(App.builder().include(new Routes()).build())) {
            try (var s = client.stream("/half")) {
                assertThat(s.status()).isEqualTo(200);
                assertThatThrownBy(s::readAll).isInstanceOf(AssertionError.class).hasMessageContaining("before the body")
                        .hasMessageContaining("ended");
            }
            assertThat(closed).isTrue();
            assertThat(client.get("/ok")).hasText("still serving");
        }
    }
}
