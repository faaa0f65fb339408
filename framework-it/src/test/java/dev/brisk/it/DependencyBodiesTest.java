package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Post;
import dev.brisk.Provides;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;

/** A handler body and a dependency body together are both embedded under their names, as in FastAPI. */
class DependencyBodiesTest {
    public record Item(String name) {
    }

    public record Meta(String source) {
    }

    public record Tracked(String source) {
    }

    public static class Routes {
        @Provides
        public static Tracked tracked(Meta meta) {
            return new Tracked(meta.source());
        }

        @Post("/items")
        public String create(Item item, @Depends Tracked tracked) {
            return item.name() + " from " + tracked.source();
        }
    }

    @Test
    void bodiesOfHandlerAndDependencyAreEmbedded() {
        try (var c = TestClient.of(App.builder().include(Routes.class).build())) {
            assertThat(c.post("/items", Map.of("item", Map.of("name", "pen"), "meta", Map.of("source", "web")))).hasStatus(200)
                    .hasText("pen from web");
            assertThat(c.post("/items", Map.of("item", Map.of("name", "pen")))).hasValidationError("missing", "body", "meta");
        }
    }
}
