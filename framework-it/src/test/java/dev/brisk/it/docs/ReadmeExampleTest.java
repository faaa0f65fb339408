package dev.brisk.it.docs;

import com.example.shop.Items;
import dev.brisk.App;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import static dev.brisk.test.BriskAssertions.assertThat;

/** The README's example compiles (it is this module's com.example.shop.Items) and behaves as described. */
class ReadmeExampleTest {
    @Test
    void readmeSnippetsAreTheTestedCode() {
        DocSnippets.assertAllCompiled("README.md");
    }

    @Test
    void theExampleWorksAsTheReadmeSays() {
        try (var client = TestClient.of(App.builder().title("Shop").include(new Items()).build())) {
            assertThat(client.get("/items/abc")).hasStatus(422).hasJsonBody("""
                    {"detail":[{"type":"int_parsing","loc":["path","id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"abc"}]}""");
            assertThat(client.post("/items", java.util.Map.of("name", "widget", "price", 9.5))).hasStatus(201)
                    .hasJsonBody("{\"id\":1,\"name\":\"widget\",\"price\":9.5}");
            assertThat(client.post("/items", java.util.Map.of("name", "", "price", 0))).hasStatus(422)
                    .hasValidationError("not_blank", "body", "name").hasValidationError("positive", "body", "price");
            assertThat(client.get("/items/1")).hasStatus(200);
            assertThat(client.get("/items/1/later")).hasStatus(200).hasJsonBody("{\"id\":1,\"name\":\"widget\",\"price\":9.5}");
            assertThat(client.get("/items/2")).hasStatus(404).hasJsonBody("{\"detail\":\"Item not found\"}");
            assertThat(client.get("/items?limit=101")).hasValidationError("max", "query", "limit");
            assertThat(client.get("/items")).hasStatus(200).hasJsonBody("[{\"id\":1,\"name\":\"widget\",\"price\":9.5}]");
        }
    }
}
