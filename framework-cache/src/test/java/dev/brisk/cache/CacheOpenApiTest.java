package dev.brisk.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.Provides;
import dev.brisk.openapi.OpenApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cached operations say so in their description and document the 304 and the caching headers; others are unchanged. */
class CacheOpenApiTest {
    public record User(String name) {
    }

    public static final class Routes {
        @Provides
        public static User user(@Header("Authorization") String auth) {
            return new User(auth);
        }

        @Get(value = "/items/{id}", description = "Reads an item.")
        @Cached(ttl = "90s")
        public String item(int id) {
            return "item";
        }

        @Get("/me")
        @Cached(ttl = "1h")
        public String me(@Depends User user) {
            return user.name();
        }

        @Get("/plain")
        public String plain() {
            return "plain";
        }
    }

    private final JsonNode doc;

    CacheOpenApiTest() throws Exception {
        doc = new ObjectMapper().readTree(OpenApi.json(App.builder().include(Routes.class).build()));
    }

    @Test
    void aCachedOperationMentionsTheCachingAndDocuments304() {
        JsonNode op = doc.at("/paths/~1items~1{id}/get");
        assertThat(op.get("description").asText()).startsWith("Reads an item.\n\nCached for 90 seconds.").contains("304 Not Modified");
        assertThat(op.at("/responses/304/description").asText()).isEqualTo("Not Modified");
        assertThat(op.at("/responses/304/headers/ETag/schema/type").asText()).isEqualTo("string");
        assertThat(op.at("/responses/200/headers").fieldNames()).toIterable().contains("ETag", "Cache-Control", "Age", "Cache-Status");
        assertThat(op.get("parameters").findValuesAsText("name")).contains("id", "If-None-Match", "Cache-Control");
    }

    @Test
    void aCachedOperationKeyedByCredentialsSaysItIsPerCaller() {
        JsonNode op = doc.at("/paths/~1me/get");
        assertThat(op.get("description").asText()).startsWith("Cached for 1 hour per caller");
        assertThat(op.at("/responses/304/headers/Vary/description").asText()).contains("Authorization");
    }

    @Test
    void otherOperationsAreUnchanged() {
        JsonNode op = doc.at("/paths/~1plain/get");
        assertThat(op.has("description")).isFalse();
        assertThat(op.at("/responses").has("304")).isFalse();
        assertThat(op.has("parameters")).isFalse();
    }
}
