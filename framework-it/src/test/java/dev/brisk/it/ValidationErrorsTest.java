package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Query;
import dev.brisk.Response;
import dev.brisk.RequestValidationException;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;

/** The exact 422 bodies, FastAPI-shaped. */
@BriskTest
class ValidationErrorsTest {
    public record Line(@NotBlank String sku, @Positive double price) {
    }

    public record Order(@NotBlank @Size(max = 10) String customer, @Valid @Size(min = 1) List<Line> items, @Size(max = 3) List<@NotBlank String> notes) {
    }

    public static class Routes {
        @Get("/items/{id}")
        public int read(int id, @Query @Min(0) int skip, @Query(defaultValue = "10") @Max(100) int limit) {
            return id;
        }

        @Get("/search")
        public String search(@Size(min = 3) @Pattern(regexp = "[a-z]+") String q) {
            return q;
        }

        @Post("/orders")
        public Order create(@Valid Order order) {
            return order;
        }

        @Post("/lines")
        public Line line(Line line) {
            return line;
        }

        @Post("/lines/maybe")
        public String maybe(java.util.Optional<Line> line) {
            return line.map(Line::sku).orElse("none");
        }

        @Post("/lines/many")
        public List<Line> lines(List<Line> lines) {
            return lines;
        }

        @Post("/orders/{shop}")
        public Order createIn(int shop, @Query String source, Order order) {
            return order;
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
    void missingQuery() {
        assertThat(client.get("/items/1")).hasStatus(422).hasJsonBody("""
                {"detail":[{"type":"missing","loc":["query","skip"],"msg":"Field required","input":null}]}""");
    }

    @Test
    void badIntInPath() {
        assertThat(client.get("/items/abc?skip=0")).hasStatus(422).hasJsonBody("""
                {"detail":[{"type":"int_parsing","loc":["path","id"],
                  "msg":"Input should be a valid integer, unable to parse string as an integer","input":"abc"}]}""");
    }

    @Test
    void constraintOnQueryParameters() {
        assertThat(client.get("/items/1?skip=-1&limit=101")).hasStatus(422).hasJsonBody("""
                {"detail":[
                  {"type":"min","loc":["query","skip"],"msg":"Input should be greater than or equal to 0","input":"-1","ctx":{"value":0}},
                  {"type":"max","loc":["query","limit"],"msg":"Input should be less than or equal to 100","input":"101","ctx":{"value":100}}]}""");
    }

    @Test
    void stringConstraints() {
        assertThat(client.get("/search?q=A1")).hasStatus(422)
                .hasValidationError("size", "query", "q")
                .hasValidationError("pattern", "query", "q");
        assertThat(client.get("/search?q=abc")).hasStatus(200);
    }

    @Test
    void constraintOnBodyField() {
        assertThat(post("/orders", """
                {"customer":"   ","items":[{"sku":"a","price":1}]}""")).hasStatus(422).hasJsonBody("""
                {"detail":[{"type":"not_blank","loc":["body","customer"],"msg":"String should not be blank","input":"   "}]}""");
    }

    @Test
    void flatBodyShowsTheInputsAsSent() {
        // A body of plain fields is bound without a JSON tree when it is well-formed; the errors still
        // show each input exactly as sent (0.0 stays a float, the blank string stays blank).
        assertThat(post("/lines", """
                {"price":0.0,"sku":"  ","extra":{"ignored":[1]}}""")).hasStatus(422).hasJsonBody("""
                {"detail":[
                  {"type":"not_blank","loc":["body","sku"],"msg":"String should not be blank","input":"  "},
                  {"type":"positive","loc":["body","price"],"msg":"Input should be greater than 0","input":0.0}]}""");
        assertThat(post("/lines", """
                {"sku":"a","price":-1}""")).hasStatus(422).hasJsonBody("""
                {"detail":[{"type":"positive","loc":["body","price"],"msg":"Input should be greater than 0","input":-1}]}""");
        assertThat(post("/lines", """
                {"sku":"a","price":2.5,"sku":"b"}""")).hasStatus(200).hasJsonBody("""
                {"sku":"b","price":2.5}""");
        assertThat(post("/lines", """
                {"sku":"a","price":"2.5"}""")).hasStatus(200).hasJsonBody("""
                {"sku":"a","price":2.5}""");
        assertThat(post("/lines/maybe", """
                {"sku":"","price":1}""")).hasStatus(422).hasValidationError("not_blank", "body", "sku");
        assertThat(client.request("POST", "/lines/maybe").send()).hasStatus(200).hasText("none");
        assertThat(post("/lines/many", """
                [{"sku":"a","price":1},{"sku":"","price":1}]""")).hasStatus(422).hasJsonBody("""
                {"detail":[{"type":"not_blank","loc":["body",1,"sku"],"msg":"String should not be blank","input":""}]}""");
    }

    @Test
    void nestedListItem() {
        assertThat(post("/orders", """
                {"customer":"c","items":[{"sku":"a","price":1},{"sku":"b","price":0}]}""")).hasStatus(422).hasJsonBody("""
                {"detail":[{"type":"positive","loc":["body","items",1,"price"],"msg":"Input should be greater than 0","input":0}]}""");
    }

    @Test
    void containerElementConstraint() {
        assertThat(post("/orders", """
                {"customer":"c","items":[{"sku":"a","price":1}],"notes":["ok",""]}""")).hasStatus(422)
                .hasValidationError("not_blank", "body", "notes", 1);
    }

    @Test
    void badJson() {
        var r = post("/orders", "{\"customer\": ");
        assertThat(r).hasStatus(422);
        var detail = r.json().get("detail").get(0);
        org.assertj.core.api.Assertions.assertThat(detail.get("type").asText()).isEqualTo("json_invalid");
        org.assertj.core.api.Assertions.assertThat(detail.get("loc").get(0).asText()).isEqualTo("body");
        org.assertj.core.api.Assertions.assertThat(detail.get("loc").get(1).isInt()).isTrue();
        org.assertj.core.api.Assertions.assertThat(detail.get("msg").asText()).isEqualTo("JSON decode error");
        org.assertj.core.api.Assertions.assertThat(detail.get("ctx").get("error").asText()).isNotBlank();
    }

    @Test
    void wrongContentTypeIs415() {
        assertThat(client.request("POST", "/orders").body("{}", "text/plain").send()).hasStatus(415)
                .hasJsonBody("{\"detail\":\"Unsupported Media Type: expected application/json, got text/plain\"}");
        assertThat(client.request("POST", "/orders").body("{\"customer\":\"c\",\"items\":[{\"sku\":\"a\",\"price\":1}]}",
                "application/vnd.api+json").send()).hasStatus(200);
    }

    @Test
    void severalErrorsAtOnceInFastApiOrder() {
        assertThat(post("/orders/x", """
                {"customer":"a very long customer name","items":[],"notes":"n"}""")).hasStatus(422).hasJsonBody("""
                {"detail":[
                  {"type":"int_parsing","loc":["path","shop"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},
                  {"type":"missing","loc":["query","source"],"msg":"Field required","input":null},
                  {"type":"size","loc":["body","customer"],"msg":"String should have at most 10 characters","input":"a very long customer name","ctx":{"max":10}},
                  {"type":"size","loc":["body","items"],"msg":"List should have at least 1 item","input":[],"ctx":{"min":1}},
                  {"type":"list_type","loc":["body","notes"],"msg":"Input should be a valid list","input":"n"}]}""");
    }

    @Test
    void validationErrorsCanBeReshaped() {
        var app = App.builder().include(new Routes())
                .exceptionHandler(RequestValidationException.class, (e, req) ->
                        Response.json(400, Map.of("errors", e.errors().size(), "first", e.errors().get(0).loc())))
                .build();
        try (var c = TestClient.of(app)) {
            assertThat(c.get("/items/abc")).hasStatus(400).hasJsonBody("{\"errors\":2,\"first\":[\"path\",\"id\"]}");
        }
    }
}
