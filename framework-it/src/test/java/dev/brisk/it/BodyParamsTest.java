package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Body;
import dev.brisk.Post;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@BriskTest
class BodyParamsTest {
    public record Tag(String name) {
    }

    public record Item(String name, double price, Optional<String> note, List<Tag> tags, @JsonProperty("in_stock") Boolean inStock) {
    }

    public record User(String username) {
    }

    public static class Pojo {
        public String title;
        public int count = 1;
        private List<String> labels;

        public void setLabels(List<String> labels) {
            this.labels = labels;
        }

        public List<String> getLabels() {
            return labels;
        }
    }

    public static class Routes {
        @Post("/items")
        public Item create(Item item) {
            return item;
        }

        @Post("/two")
        public Map<String, Object> two(Item item, User user) {
            return Map.of("item", item.name(), "user", user.username());
        }

        @Post("/embed")
        public String embed(@Body(embed = true) User user) {
            return user.username();
        }

        @Post("/scalar")
        public int scalar(@Body int importance) {
            return importance * 2;
        }

        @Post("/list")
        public int list(List<Tag> tags) {
            return tags.size();
        }

        @Post("/map")
        public Map<String, Integer> map(Map<String, Integer> counts) {
            return counts;
        }

        @Post("/optional")
        public String optional(Optional<User> user) {
            return user.map(User::username).orElse("nobody");
        }

        @Post("/pojo")
        public Pojo pojo(Pojo p) {
            return p;
        }
    }

    @BriskApp
    static App app() {
        return App.builder().include(new Routes()).build();
    }

    TestClient client;

    private dev.brisk.test.TestResponse post(String path, String json) {
        return client.request("POST", path).jsonText(json).send();
    }

    @Test
    void recordBodyRoundTripsWithDefaultsForAbsentOptionalFields() {
        assertThat(post("/items", "{\"name\":\"a\",\"price\":2,\"unknown\":true}")).hasStatus(200)
                .hasJsonBody("{\"name\":\"a\",\"price\":2.0,\"note\":null,\"tags\":[],\"in_stock\":null}");
        assertThat(post("/items", "{\"name\":\"a\",\"price\":2,\"note\":\"n\",\"tags\":[{\"name\":\"t\"}],\"in_stock\":true}"))
                .hasJsonBody("{\"name\":\"a\",\"price\":2.0,\"note\":\"n\",\"tags\":[{\"name\":\"t\"}],\"in_stock\":true}");
    }

    @Test
    void absentPrimitiveIsMissingNotZero() {
        assertThat(post("/items", "{\"name\":\"a\"}")).hasStatus(422)
                .hasJsonBody("{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"price\"],\"msg\":\"Field required\",\"input\":{\"name\":\"a\"}}]}");
    }

    @Test
    void nullForPrimitiveIsATypeError() {
        assertThat(post("/items", "{\"name\":\"a\",\"price\":null}")).hasValidationError("float_type", "body", "price");
    }

    @Test
    void nestedListItemErrorsCarryTheirIndex() {
        assertThat(post("/items", "{\"name\":\"a\",\"price\":1,\"tags\":[{\"name\":\"ok\"},{\"name\":5}]}"))
                .hasValidationError("string_type", "body", "tags", 1, "name");
        assertThat(post("/items", "{\"name\":\"a\",\"price\":1,\"tags\":{}}")).hasValidationError("list_type", "body", "tags");
    }

    @Test
    void severalBodiesAreEmbeddedUnderTheirNames() {
        assertThat(post("/two", "{\"item\":{\"name\":\"i\",\"price\":1},\"user\":{\"username\":\"u\"}}")).hasJsonBody("{\"item\":\"i\",\"user\":\"u\"}");
        assertThat(post("/two", "{\"item\":{\"name\":\"i\",\"price\":1}}")).hasValidationError("missing", "body", "user");
    }

    @Test
    void embedExpectsTheNamedKey() {
        assertThat(post("/embed", "{\"user\":{\"username\":\"u\"}}")).hasText("u");
        assertThat(post("/embed", "{\"username\":\"u\"}")).hasValidationError("missing", "body", "user");
    }

    @Test
    void scalarListAndMapBodies() {
        assertThat(post("/scalar", "21")).hasJsonBody("42");
        assertThat(post("/list", "[{\"name\":\"a\"},{\"name\":\"b\"}]")).hasJsonBody("2");
        assertThat(post("/map", "{\"a\":1,\"b\":2}")).hasJsonBody("{\"a\":1,\"b\":2}");
        assertThat(post("/map", "{\"a\":\"x\"}")).hasValidationError("int_parsing", "body", "a");
    }

    @Test
    void optionalBodyMayBeAbsent() {
        assertThat(client.post("/optional", null)).hasText("nobody");
        assertThat(post("/optional", "{\"username\":\"u\"}")).hasText("u");
    }

    @Test
    void requiredBodyMissing() {
        assertThat(client.post("/items", null)).hasStatus(422)
                .hasJsonBody("{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\"],\"msg\":\"Field required\",\"input\":null}]}");
    }

    @Test
    void wrongJsonShapeForRecord() {
        assertThat(post("/items", "[1,2]")).hasValidationError("model_attributes_type", "body");
    }

    @Test
    void plainClassesBindThroughFieldsAndSetters() {
        assertThat(post("/pojo", "{\"title\":\"t\",\"count\":2,\"labels\":[\"x\"]}")).hasJsonBody("{\"title\":\"t\",\"count\":2,\"labels\":[\"x\"]}");
        // a primitive property is required, like a record's
        assertThat(post("/pojo", "{\"title\":\"t\"}")).hasValidationError("missing", "body", "count");
        assertThat(post("/pojo", "{\"count\":\"many\"}")).hasValidationError("int_parsing", "body", "count");
    }

    @Test
    void hostileJsonGetsA4xxNeverA500() {
        assertThat(post("/map", "[".repeat(5000) + "]".repeat(5000)).status()).isBetween(400, 499);
        assertThat(post("/scalar", "1" + "0".repeat(5000)).status()).isBetween(400, 499);
        assertThat(post("/items", "{\"name\":\"" + "x".repeat(100) + "\",\"price\":1e999999}").status()).isBetween(200, 499);
    }
}
