package dev.brisk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Responds;
import dev.brisk.Router;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.brisk.openapi.Docs.op;
import static dev.brisk.openapi.Docs.schema;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Responds} on a route or its router documents the statuses it raises, like FastAPI's
 * {@code responses={404: {...}}}: with the {@code {"detail": ...}} body HttpException sends unless a
 * model is given, in status order after the success, the route's own declaration winning.
 */
class DeclaredResponsesTest {
    public record Item(int id) {
    }

    public record Conflict(String reason, int existing) {
    }

    @Router(prefix = "/items")
    @Responds(status = 403, description = "Not allowed")
    @Responds(status = 404, description = "No such shop")
    public static class Items {
        @Get("/{id}")
        @Responds(status = 404, description = "Item not found")
        public Item read(int id) {
            return null;
        }

        @Post(status = 201)
        @Responds(status = 409, description = "Item exists", model = Conflict.class)
        @Responds(status = 202, description = "Queued")
        @Responds(status = 503)
        public Item create(Item item) {
            return item;
        }

        @Get("/maybe/{id}")
        @Responds(status = 404, description = "Gone")
        public Optional<Item> maybe(int id) {
            return Optional.empty();
        }
    }

    private final JsonNode doc = Docs.of(new Items());

    private static List<String> statuses(JsonNode op) {
        var out = new java.util.ArrayList<String>();
        op.path("responses").fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void routeAndRouterDeclarations() {
        JsonNode read = op(doc, "GET", "/items/{id}");
        assertThat(statuses(read)).containsExactly("200", "403", "404", "422");
        assertThat(read.path("responses").path("404").path("description").asText()).isEqualTo("Item not found");
        assertThat(read.path("responses").path("403").path("description").asText()).isEqualTo("Not allowed");
        assertThat(read.path("responses").path("404").path("content").path("application/json").path("schema"))
                .isEqualTo(Docs.json("{\"$ref\":\"#/components/schemas/HTTPError\"}"));
        assertThat(schema(doc, "HTTPError").path("required")).isEqualTo(Docs.json("[\"detail\"]"));
    }

    @Test
    void modelsDefaultDescriptionsAndSuccessStatuses() {
        JsonNode create = op(doc, "POST", "/items");
        assertThat(statuses(create)).containsExactly("201", "202", "403", "404", "409", "422", "503");
        assertThat(create.path("responses").path("409").path("content").path("application/json").path("schema"))
                .isEqualTo(Docs.json("{\"$ref\":\"#/components/schemas/Conflict\"}"));
        assertThat(create.path("responses").path("202")).isEqualTo(Docs.json("{\"description\":\"Queued\"}"));
        assertThat(create.path("responses").path("503").path("description").asText()).isEqualTo("Service Unavailable");
        assertThat(create.path("responses").path("404").path("description").asText()).isEqualTo("No such shop");
    }

    @Test
    void aDeclarationReplacesBrisksOwn() {
        JsonNode maybe = op(doc, "GET", "/items/maybe/{id}");
        assertThat(statuses(maybe)).containsExactly("200", "403", "404", "422");
        assertThat(maybe.path("responses").path("404").path("description").asText()).isEqualTo("Gone");
    }
}
