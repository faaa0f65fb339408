package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON responses are exact documents one after another, on the event loop (where one generator is
 * reused) and on workers, and a value that fails half-way leaves nothing behind for the next response.
 */
@BriskTest(raiseServerExceptions = false)
class JsonEncodingTest {
    public record Point(int x, int y) {
    }

    /** Serialization fails after the first property has been written. */
    public static class HalfWritten {
        public int getA() {
            return 1;
        }

        public int getB() {
            throw new IllegalStateException("getter failed");
        }
    }

    public static class Routes {
        @Get("/loop/point/{n}")
        public CompletableFuture<Point> loopPoint(int n) {
            return CompletableFuture.completedFuture(new Point(n, -n));
        }

        @Get("/loop/broken")
        public CompletableFuture<HalfWritten> loopBroken() {
            return CompletableFuture.completedFuture(new HalfWritten());
        }

        @Get("/worker/point/{n}")
        public Point workerPoint(int n) {
            return new Point(n, -n);
        }

        @Get("/worker/broken")
        public HalfWritten workerBroken() {
            return new HalfWritten();
        }
    }

    @BriskApp
    static App app() {
        return App.builder().include(new Routes()).build();
    }

    TestClient client;

    @Test
    void consecutiveResponsesAreSeparateDocuments() {
        for (String where : new String[]{"loop", "worker"}) {
            for (int n = 0; n < 50; n++) {
                assertThat(client.get("/" + where + "/point/" + n).text()).isEqualTo("{\"x\":" + n + ",\"y\":" + -n + "}");
            }
        }
    }

    @Test
    void aValueThatFailsHalfWayIs500AndTheNextResponseIsClean() {
        for (String where : new String[]{"loop", "worker"}) {
            var broken = client.get("/" + where + "/broken");
            assertThat(broken.status()).isEqualTo(500);
            assertThat(broken.text()).isEqualTo("{\"detail\":\"Internal Server Error\"}");
            assertThat(client.get("/" + where + "/point/7").text()).isEqualTo("{\"x\":7,\"y\":-7}");
        }
    }
}
