package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.Body;
import dev.brisk.Form;
import dev.brisk.Post;
import dev.brisk.Put;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.brisk.openapi.Docs.op;
import static dev.brisk.openapi.Docs.schema;
import static dev.brisk.openapi.Docs.texts;
import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyTest {
    public record Item(String name, double price) {
    }

    public record Owner(String name) {
    }

    public static class Routes {
        @Post("/items")
        public void create(Item item) {
        }

        @Put("/items")
        public void replace(Optional<Item> item) {
        }

        @Post("/batch")
        public void batch(@Size(min = 1) List<Item> items) {
        }

        @Post("/note")
        public void note(@Body String text) {
        }

        @Post("/embedded")
        public void embedded(@Body(embed = true) Item item) {
        }

        @Post("/pair")
        public void pair(Item item, Owner owner, Optional<Map<String, Integer>> extra) {
        }

        @Post("/login")
        public void login(@Form String username, @Form("pass") String password, @Form(defaultValue = "false") boolean remember,
                          @Form List<String> scope) {
        }
    }

    private final JsonNode doc = Docs.of(new Routes());

    private static JsonNode content(JsonNode op, String type) {
        JsonNode c = op.path("requestBody").path("content").path(type);
        assertThat(c.isMissingNode()).as(type + " in " + op.path("requestBody")).isFalse();
        return c.path("schema");
    }

    @Test
    void aRecordIsAJsonBodyByReference() {
        JsonNode op = op(doc, "POST", "/items");
        assertThat(content(op, "application/json").path("$ref").asText()).isEqualTo("#/components/schemas/Item");
        assertThat(op.path("requestBody").path("required").asBoolean()).isTrue();
        assertThat(schema(doc, "Item").path("properties").has("price")).isTrue();
    }

    @Test
    void anOptionalBodyIsNotRequired() {
        JsonNode op = op(doc, "PUT", "/items");
        assertThat(content(op, "application/json").path("$ref").asText()).isEqualTo("#/components/schemas/Item");
        assertThat(op.path("requestBody").path("required").asBoolean()).isFalse();
    }

    @Test
    void aListBodyIsAnArrayWithItsConstraints() {
        JsonNode s = content(op(doc, "POST", "/batch"), "application/json");
        assertThat(s.path("type").asText()).isEqualTo("array");
        assertThat(s.path("items").path("$ref").asText()).isEqualTo("#/components/schemas/Item");
        assertThat(s.path("minItems").asInt()).isEqualTo(1);
        assertThat(s.has("maxItems")).isFalse();
    }

    @Test
    void aSimpleBody() {
        assertThat(content(op(doc, "POST", "/note"), "application/json")).isEqualTo(Docs.json("{\"type\":\"string\"}"));
    }

    @Test
    void anEmbeddedBodyIsAPropertyOfBodyOperationId() {
        assertThat(content(op(doc, "POST", "/embedded"), "application/json").path("$ref").asText())
                .isEqualTo("#/components/schemas/Body_embedded");
        JsonNode body = schema(doc, "Body_embedded");
        assertThat(body.path("type").asText()).isEqualTo("object");
        assertThat(body.path("properties").path("item").path("$ref").asText()).isEqualTo("#/components/schemas/Item");
        assertThat(texts(body.path("required"))).containsExactly("item");
    }

    @Test
    void severalBodiesAreEmbeddedUnderTheirNames() {
        JsonNode op = op(doc, "POST", "/pair");
        assertThat(content(op, "application/json").path("$ref").asText()).isEqualTo("#/components/schemas/Body_pair");
        assertThat(op.path("requestBody").path("required").asBoolean()).isTrue();
        JsonNode body = schema(doc, "Body_pair");
        assertThat(body.path("title").asText()).isEqualTo("Body_pair");
        assertThat(body.path("properties").path("owner").path("$ref").asText()).isEqualTo("#/components/schemas/Owner");
        assertThat(body.path("properties").path("extra").path("type").asText()).isEqualTo("object");
        assertThat(body.path("properties").path("extra").path("additionalProperties").path("type").asText()).isEqualTo("integer");
        assertThat(texts(body.path("required"))).containsExactly("item", "owner");
    }

    @Test
    void formFieldsAreAnUrlEncodedBody() {
        JsonNode op = op(doc, "POST", "/login");
        assertThat(op.path("requestBody").path("content").has("application/json")).isFalse();
        assertThat(content(op, "application/x-www-form-urlencoded").path("$ref").asText()).isEqualTo("#/components/schemas/Body_login");
        assertThat(op.path("requestBody").path("required").asBoolean()).isTrue();
        assertThat(op.has("parameters")).isFalse();
        JsonNode body = schema(doc, "Body_login");
        assertThat(body.path("properties").path("pass").path("type").asText()).isEqualTo("string");
        assertThat(body.path("properties").path("remember").path("default").asBoolean()).isFalse();
        assertThat(body.path("properties").path("remember").path("type").asText()).isEqualTo("boolean");
        assertThat(body.path("properties").path("scope").path("type").asText()).isEqualTo("array");
        assertThat(texts(body.path("required"))).containsExactly("username", "pass");
    }
}
