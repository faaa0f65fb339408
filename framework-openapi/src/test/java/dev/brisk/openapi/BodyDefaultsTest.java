package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.Default;
import dev.brisk.Post;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static dev.brisk.openapi.Docs.schema;
import static dev.brisk.openapi.Docs.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** A {@code @Default} record component is documented with its {@code default} (the JSON value the binder uses) and is not required. */
class BodyDefaultsTest {
    public enum Level { LOW, HIGH }

    public record Point(int x, int y) {
    }

    public record Todo(String title, @Default("false") boolean done, @Default("3") int priority, @Default("0.5") BigDecimal weight,
                       @Default("HIGH") Level level, @Default("[\"new\"]") List<String> tags, @Default("{\"x\":1,\"y\":2}") Point at,
                       @Default("later") Optional<String> when) {
    }

    public static class Routes {
        @Post("/todos")
        public void create(Todo todo) {
        }
    }

    private final JsonNode doc = Docs.of(new Routes());

    private JsonNode prop(String name) {
        return schema(doc, "Todo").path("properties").path(name);
    }

    @Test
    void defaultsAreShownAndNotRequired() {
        assertThat(schema(doc, "Todo").has("required")).isFalse();
        assertThat(prop("done")).isEqualTo(Docs.json("{\"type\":\"boolean\",\"default\":false}"));
        assertThat(prop("priority")).isEqualTo(Docs.json("{\"type\":\"integer\",\"format\":\"int32\",\"default\":3}"));
        assertThat(prop("weight").path("default").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(prop("level").path("default").asText()).isEqualTo("HIGH");
        assertThat(prop("tags")).isEqualTo(Docs.json("{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"default\":[\"new\"]}"));
        assertThat(prop("at")).isEqualTo(Docs.json("{\"allOf\":[{\"$ref\":\"#/components/schemas/Point\"}],\"default\":{\"x\":1,\"y\":2}}"));
        assertThat(prop("when")).isEqualTo(Docs.json("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}],\"default\":\"later\"}"));
        assertThat(texts(schema(doc, "Point").path("required"))).containsExactly("x", "y");
    }
}
