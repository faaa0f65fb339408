package docs.validation;

import dev.brisk.App;
import dev.brisk.it.docs.DocSnippets;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;

class ValidationDocTest {
    @Test
    void snippetsAreThisCode() {
        DocSnippets.assertAllCompiled("docs/validation.md");
    }

    @Test
    void theDocumentedAnswer() {
        try (var c = TestClient.of(App.builder().include(new Signup()).build())) {
            var body = Map.of("username", "", "email", "not-an-email", "age", 12,
                    "addresses", List.of(Map.of("city", "Paris", "zip", "75001"), Map.of("city", "Lyon", "zip", "6900")));
            assertThat(c.post("/users", body)).hasStatus(422).hasJsonBody("""
                    {"detail":[
                      {"type":"not_blank","loc":["body","username"],"msg":"String should not be blank","input":""},
                      {"type":"email","loc":["body","email"],"msg":"Value is not a valid email address","input":"not-an-email"},
                      {"type":"min","loc":["body","age"],"msg":"Input should be greater than or equal to 13","input":12,"ctx":{"value":13}},
                      {"type":"pattern","loc":["body","addresses",1,"zip"],"msg":"String should match pattern '\\\\d{5}'","input":"6900","ctx":{"regexp":"\\\\d{5}"}}
                    ]}""");
            assertThat(c.post("/users", Map.of("username", "ann", "age", 30))).hasStatus(201);
            // @Size(max = 20) counts code points: 20 emoji fit, 21 do not; U+00A0 alone is blank
            assertThat(c.post("/users", Map.of("username", "\ud83d\ude00".repeat(20), "age", 30))).hasStatus(201);
            assertThat(c.post("/users", Map.of("username", "\ud83d\ude00".repeat(21), "age", 30))).hasValidationError("size", "body", "username");
            assertThat(c.post("/users", Map.of("username", "\u00a0", "age", 30))).hasValidationError("not_blank", "body", "username");
            assertThat(c.get("/users?skip=-1&q=ab")).hasStatus(422)
                    .hasValidationError("min", "query", "skip").hasValidationError("size", "query", "q");
        }
        try (var c = TestClient.of(Reshaped.app())) {
            assertThat(c.get("/users?limit=1000")).hasStatus(400)
                    .hasJsonBody("{\"errors\":[\"query.limit: Input should be less than or equal to 100\"]}");
        }
    }
}
