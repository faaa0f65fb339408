package dev.brisk.test;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Query;
import dev.brisk.Response;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The response assertions check what they say, and every failure prints the whole response. */
class ResponseAssertTest {
    record Line(@NotBlank String name, @Positive double price) {
    }

    record Order(@Valid List<Line> items) {
    }

    public static class Routes {
        @Get("/json")
        public Map<String, Object> json() {
            return Map.of("name", "pen", "tags", List.of("a", "b"), "price", 2, "nested", Map.of("x", 1.5));
        }

        @Get("/text")
        public Response text() {
            return Response.text("100% plain").header("X-Multi", "one").header("X-Multi", "two");
        }

        @Get("/items")
        public List<String> items(@Query(defaultValue = "10") @Max(100) int limit) {
            return List.of("limit=" + limit);
        }

        @Post("/orders")
        public Order order(@Valid Order order) {
            return order;
        }
    }

    static TestClient client;

    @BeforeAll
    static void open() {
        client = TestClient.of(App.builder().include(new Routes()).build());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /** Runs a failing assertion and returns its message, which must show the whole response. */
    private static String failure(TestResponse response, Executable assertion) {
        var error = assertThrows(AssertionError.class, assertion);
        assertThat(error.getMessage()).contains(response.toString());
        return error.getMessage();
    }

    @Test
    void hasStatus() {
        var r = client.get("/json");
        assertThat(r).hasStatus(200);
        assertThat(failure(r, () -> assertThat(r).hasStatus(201))).startsWith("Expected status 201 but was 200")
                .contains("GET /json", "HTTP/1.1 200 OK", "content-type: application/json", "\"name\":\"pen\"");
    }

    @Test
    void hasJsonBodyComparesObjectsWhateverTheirOrder() {
        var r = client.get("/json");
        assertThat(r).hasJsonBody("""
                {"price": 2, "nested": {"x": 1.5}, "tags": ["a", "b"], "name": "pen"}""");
        assertThat(r).hasJsonBody("{'name': 'pen', 'tags': ['a', 'b'], 'price': 2.0, 'nested': {'x': 1.50}}");
    }

    @Test
    void hasJsonBodyReportsTheFirstDifference() {
        var r = client.get("/json");
        assertThat(failure(r, () -> assertThat(r).hasJsonBody("{'name': 'pen', 'tags': ['b', 'a'], 'price': 2, 'nested': {'x': 1.5}}")))
                .contains("first difference at $.tags[0]: expected \"b\" but was \"a\"");
        assertThat(failure(r, () -> assertThat(r).hasJsonBody("{'name': 'pen', 'tags': ['a', 'b'], 'price': 2}")))
                .contains("$.nested: unexpected member");
        assertThat(failure(r, () -> assertThat(r).hasJsonBody("{'name': 'pen', 'tags': ['a', 'b'], 'price': 2, 'nested': {'x': 1.5}, 'id': 1}")))
                .contains("$.id: expected 1 but the member is absent");
        assertThat(failure(r, () -> assertThat(r).hasJsonBody("[]"))).contains("$: expected [] but was {");
    }

    @Test
    void hasJsonBodyOnATextBodyFails() {
        var r = client.get("/text");
        assertThat(failure(r, () -> assertThat(r).hasJsonBody("{}"))).contains("the body is not JSON", "100% plain");
    }

    @Test
    void hasJsonBodyRejectsAnInvalidExpectation() {
        var r = client.get("/json");
        var e = assertThrows(IllegalArgumentException.class, () -> assertThat(r).hasJsonBody("{name: "));
        assertThat(e.getMessage()).contains("not valid JSON");
    }

    @Test
    void hasText() {
        var r = client.get("/text");
        assertThat(r).hasText("100% plain");
        assertThat(failure(r, () -> assertThat(r).hasText("plain"))).contains("Expected the body text", "\"plain\"");
    }

    @Test
    void headers() {
        var r = client.get("/text");
        assertThat(r).hasHeader("x-multi").hasHeader("X-Multi", "two").doesNotHaveHeader("X-None");
        assertThat(failure(r, () -> assertThat(r).hasHeader("X-None"))).startsWith("Expected a header \"X-None\"");
        assertThat(failure(r, () -> assertThat(r).hasHeader("X-Multi", "three"))).contains("its values are [one, two]");
        assertThat(failure(r, () -> assertThat(r).hasHeader("X-None", "1"))).contains("there is no \"X-None\" header");
        assertThat(failure(r, () -> assertThat(r).doesNotHaveHeader("x-multi"))).contains("Expected no header \"x-multi\" but found [one, two]");
    }

    @Test
    void hasValidationErrorMatchesTheLocPartByPart() {
        var r = client.get("/items?limit=500");
        assertThat(r).hasStatus(422)
                .hasValidationError("query", "limit")
                .hasValidationError("max", "query", "limit")
                .hasValidationError("max");
        assertThat(failure(r, () -> assertThat(r).hasValidationError("query", "skip")))
                .contains("Expected a validation error at loc [query, skip] but the errors were:", "max at [\"query\",\"limit\"]");
        assertThat(failure(r, () -> assertThat(r).hasValidationError("missing", "query", "limit")))
                .contains("of type \"missing\" at loc [query, limit]");
        assertThat(failure(r, () -> assertThat(r).hasValidationError("query"))).contains("at loc [query]");
    }

    @Test
    void hasValidationErrorReadsIndexesInBodyLocs() {
        var r = client.post("/orders", Map.of("items", List.of(Map.of("name", "a", "price", 1), Map.of("name", "", "price", -1))));
        assertThat(r).hasValidationError("body", "items", 1, "price")
                .hasValidationError("not_blank", "body", "items", 1, "name")
                .hasValidationError("positive", "body", "items", 1, "price");
        assertThat(failure(r, () -> assertThat(r).hasValidationError("body", "items", 0, "price"))).contains("[body, items, 0, price]");
        assertThat(failure(r, () -> assertThat(r).hasValidationError("body", "items", "1", "price"))).contains("the errors were");
    }

    @Test
    void hasValidationErrorOnASuccessFails() {
        var r = client.get("/items");
        assertThat(failure(r, () -> assertThat(r).hasValidationError("query", "limit")))
                .startsWith("Expected a validation error at loc [query, limit] (status 422) but the status was 200");
    }

    @Test
    void aDescriptionPrefixesTheMessage() {
        var r = client.get("/json");
        assertThat(failure(r, () -> assertThat(r).as("reading the item").hasStatus(404))).startsWith("[reading the item] Expected status 404");
    }
}
