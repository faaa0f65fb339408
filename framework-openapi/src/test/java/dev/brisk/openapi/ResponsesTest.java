package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.App;
import dev.brisk.Delete;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static dev.brisk.openapi.Docs.op;
import static dev.brisk.openapi.Docs.schema;
import static dev.brisk.openapi.Docs.texts;
import static org.assertj.core.api.Assertions.assertThat;

class ResponsesTest {
    public record Item(int id, String name) {
    }

    public static class Routes {
        @Get("/item")
        public Item item() {
            return null;
        }

        @Post(value = "/items", status = 201)
        public CompletableFuture<Item> create(Item item) {
            return null;
        }

        @Get("/items")
        public CompletionStage<List<Item>> list() {
            return null;
        }

        @Get("/items/{id}")
        public Optional<Item> find(int id) {
            return Optional.empty();
        }

        @Get("/async/{id}")
        public CompletableFuture<Optional<Item>> findAsync(int id) {
            return null;
        }

        @Delete("/items/{id}")
        public void delete(int id) {
        }

        @Post(value = "/accept", status = 202)
        public void accept() {
        }

        @Get("/counts")
        public Map<String, Integer> counts() {
            return Map.of();
        }

        @Get("/text")
        public String text() {
            return "";
        }

        @Get("/bytes")
        public byte[] bytes() {
            return new byte[0];
        }

        @Get("/raw")
        public Response raw() {
            return Response.text("x");
        }
    }

    private final JsonNode doc = Docs.of(new Routes());

    private static JsonNode ok(JsonNode op, String status, String type) {
        JsonNode r = op.path("responses").path(status);
        assertThat(r.path("description").asText()).isEqualTo("Successful Response");
        return r.path("content").path(type).path("schema");
    }

    @Test
    void theReturnTypeIsTheSchemaOfTheRouteStatus() {
        assertThat(ok(op(doc, "GET", "/item"), "200", "application/json").path("$ref").asText()).isEqualTo("#/components/schemas/Item");
        assertThat(ok(op(doc, "POST", "/items"), "201", "application/json").path("$ref").asText()).isEqualTo("#/components/schemas/Item");
        assertThat(op(doc, "POST", "/items").path("responses").has("200")).isFalse();
    }

    @Test
    void futuresAndListsAreUnwrapped() {
        JsonNode s = ok(op(doc, "GET", "/items"), "200", "application/json");
        assertThat(s.path("type").asText()).isEqualTo("array");
        assertThat(s.path("items").path("$ref").asText()).isEqualTo("#/components/schemas/Item");
        JsonNode counts = ok(op(doc, "GET", "/counts"), "200", "application/json");
        assertThat(counts.path("type").asText()).isEqualTo("object");
        assertThat(counts.path("additionalProperties").path("type").asText()).isEqualTo("integer");
    }

    @Test
    void optionalAddsNotFound() {
        for (String path : List.of("/items/{id}", "/async/{id}")) {
            JsonNode op = op(doc, "GET", path);
            assertThat(ok(op, "200", "application/json").path("$ref").asText()).isEqualTo("#/components/schemas/Item");
            JsonNode notFound = op.path("responses").path("404");
            assertThat(notFound.path("description").asText()).isEqualTo("Not Found");
            assertThat(texts(notFound.path("content").path("application/json").path("schema").path("required"))).containsExactly("detail");
        }
        assertThat(op(doc, "GET", "/item").path("responses").has("404")).isFalse();
    }

    @Test
    void voidHasNoContent() {
        JsonNode deleted = op(doc, "DELETE", "/items/{id}").path("responses").path("204");
        assertThat(deleted.path("description").asText()).isEqualTo("Successful Response");
        assertThat(deleted.has("content")).isFalse();
        JsonNode accepted = op(doc, "POST", "/accept").path("responses").path("202");
        assertThat(accepted.has("content")).isFalse();
    }

    @Test
    void textBytesAndRawResponsesSayWhatIsSent() {
        assertThat(ok(op(doc, "GET", "/text"), "200", "text/plain")).isEqualTo(Docs.json("{\"type\":\"string\"}"));
        assertThat(ok(op(doc, "GET", "/bytes"), "200", "application/octet-stream").path("type").asText()).isEqualTo("string");
        assertThat(op(doc, "GET", "/raw").path("responses").path("200").has("content")).isFalse();
    }

    @Test
    void validationErrorOnlyWhereThereIsSomethingToValidate() {
        for (String path : List.of("/item", "/items", "/counts", "/text")) {
            assertThat(op(doc, "GET", path).path("responses").has("422")).as(path).isFalse();
        }
        for (JsonNode op : List.of(op(doc, "GET", "/items/{id}"), op(doc, "POST", "/items"), op(doc, "DELETE", "/items/{id}"))) {
            JsonNode r = op.path("responses").path("422");
            assertThat(r.path("description").asText()).isEqualTo("Validation Error");
            assertThat(r.path("content").path("application/json").path("schema").path("$ref").asText())
                    .isEqualTo("#/components/schemas/HTTPValidationError");
        }
    }

    @Test
    void validationErrorComponentsAreShapedLikeFastApis() {
        assertThat(schema(doc, "HTTPValidationError")).isEqualTo(Docs.json("""
                {"type":"object","title":"HTTPValidationError",
                 "properties":{"detail":{"type":"array","title":"Detail","items":{"$ref":"#/components/schemas/ValidationError"}}}}
                """));
        assertThat(schema(doc, "ValidationError")).isEqualTo(Docs.json("""
                {"type":"object","title":"ValidationError","required":["loc","msg","type"],
                 "properties":{
                   "loc":{"type":"array","title":"Location","items":{"anyOf":[{"type":"string"},{"type":"integer"}]}},
                   "msg":{"type":"string","title":"Message"},
                   "type":{"type":"string","title":"Error Type"},
                   "input":{"title":"Input"},
                   "ctx":{"type":"object","title":"Context"}}}
                """));
    }

    public static class Plain {
        @Get("/ping")
        public String ping() {
            return "pong";
        }
    }

    @Test
    void noValidationComponentsWhenNothingValidates() {
        JsonNode plain = Docs.of(App.builder().include(new Plain()).build());
        assertThat(plain.has("components")).isFalse();
    }
}
