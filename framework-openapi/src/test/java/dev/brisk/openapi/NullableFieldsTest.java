package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.Default;
import dev.brisk.Get;
import dev.brisk.Post;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.brisk.openapi.Docs.schema;
import static dev.brisk.openapi.Docs.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field that is null at run time is documented as nullable ({@code anyOf [<type>, {"type": "null"}]},
 * FastAPI's form for {@code Optional[str] = None}), in request and response schemas alike: exactly the
 * reference-type fields that are not required, have no default and are not collections or maps (which
 * are empty when absent and reject null).
 */
class NullableFieldsTest {
    private static final String NULL = "{\"type\":\"null\"}";

    public record Tag(String label) {
    }

    public record Item(int id, String description, @NotNull String name, @Size(max = 300) String note, Integer stock, Tag tag,
                       List<String> tags, Map<String, Integer> counts, Optional<String> nickname, @Default("new") String state,
                       @NotNull Tag owner) {
    }

    public static class Routes {
        @Post("/items")
        public void create(Item item) {
        }

        @Get("/items/{id}")
        public Item read(int id) {
            return null;
        }
    }

    private final JsonNode doc = Docs.of(new Routes());

    private JsonNode prop(String name) {
        return schema(doc, "Item").path("properties").path(name);
    }

    @Test
    void fieldsThatMayBeNullSayNull() {
        assertThat(prop("description")).isEqualTo(Docs.json("{\"anyOf\":[{\"type\":\"string\"}," + NULL + "]}"));
        assertThat(prop("note")).isEqualTo(Docs.json("{\"anyOf\":[{\"type\":\"string\",\"maxLength\":300}," + NULL + "]}"));
        assertThat(prop("stock")).isEqualTo(Docs.json("{\"anyOf\":[{\"type\":\"integer\",\"format\":\"int32\"}," + NULL + "]}"));
        assertThat(prop("tag")).isEqualTo(Docs.json("{\"anyOf\":[{\"$ref\":\"#/components/schemas/Tag\"}," + NULL + "]}"));
        assertThat(prop("nickname")).isEqualTo(Docs.json("{\"anyOf\":[{\"type\":\"string\"}," + NULL + "]}"));
        assertThat(schema(doc, "Tag").path("properties").path("label")).isEqualTo(Docs.json("{\"anyOf\":[{\"type\":\"string\"}," + NULL + "]}"));
    }

    @Test
    void requiredDefaultedAndCollectionFieldsDoNot() {
        assertThat(prop("id")).isEqualTo(Docs.json("{\"type\":\"integer\",\"format\":\"int32\"}"));
        assertThat(prop("name")).isEqualTo(Docs.json("{\"type\":\"string\"}"));
        assertThat(prop("owner")).isEqualTo(Docs.json("{\"$ref\":\"#/components/schemas/Tag\"}"));
        assertThat(prop("state")).isEqualTo(Docs.json("{\"type\":\"string\",\"default\":\"new\"}"));
        assertThat(prop("tags")).isEqualTo(Docs.json("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"));
        assertThat(prop("counts").path("type").asText()).isEqualTo("object");
        assertThat(texts(schema(doc, "Item").path("required"))).containsExactly("id", "name", "owner");
    }

    @Test
    void requestAndResponseShareTheSchema() {
        assertThat(Docs.op(doc, "POST", "/items").path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Item");
        assertThat(Docs.op(doc, "GET", "/items/{id}").path("responses").path("200").path("content").path("application/json")
                .path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/Item");
    }
}
