package dev.brisk.startup;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.internal.app.AppRuntime;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the mapper and the model are ready, the mapper's thread builds the serializers of the routes' result
 * types that Brisk does not write itself (plain ones it does, see PlainJson), so that a first response finds
 * them; a type Jackson cannot write does not stop the others.
 */
class ResultSerializersBuiltInBackgroundTest {
    /** Not plain: renamed by an annotation of Jackson's, so the mapper writes it (and Second, which holds it). */
    public record First(@JsonProperty("first_a") String a) {
    }

    public record Second(int b, List<First> firsts) {
    }

    /** Two properties named "x": Jackson refuses to build its serializer. */
    public static final class Conflicting {
        @JsonProperty("x") public String one = "1";
        @JsonProperty("x") public String two = "2";
    }

    public static class Routes {
        @Get("/conflicting")
        public CompletableFuture<Conflicting> conflicting() {
            return CompletableFuture.completedFuture(new Conflicting());
        }

        @Get("/first")
        public First first() {
            return new First("a");
        }

        @Get("/second")
        public CompletableFuture<Second> second() {
            return CompletableFuture.completedFuture(new Second(1, List.of()));
        }

        @Get("/text")
        public String text() {
            return "plain";
        }
    }

    @Test
    void theRoutesResultSerializersAreCachedWithoutARequest() throws InterruptedException {
        var app = App.builder().include(new Routes()).docs(false).build();
        var mapper = AppRuntime.of(app).mapper();
        long deadline = System.nanoTime() + 10_000_000_000L;
        // First and Second as root values (and List<First> on the way); nothing for Conflicting; String has none of its own.
        while (cached(mapper) < 3 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(cached(mapper)).as("serializers cached before any request").isGreaterThanOrEqualTo(3);
        assertThat(cached(dev.brisk.internal.json.Json.create(1024))).as("a new mapper has none").isZero();
    }

    private static int cached(ObjectMapper mapper) {
        return ((DefaultSerializerProvider) mapper.getSerializerProviderInstance()).cachedSerializersCount();
    }
}
