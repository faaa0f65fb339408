package dev.brisk.test.docs;

// tag::assertions-test[]
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;

class ItemsAssertionsTest {
    @Test
    void rejectsAnItemWithoutTitle() {
        try (var client = TestClient.of(ItemsApp.app())) {
            var response = client.request("POST", "/items")
                    .header("X-Token", "coneofsilence")
                    .json(Map.of("id", "baz", "title", ""))
                    .send();
            assertThat(response)
                    .hasStatus(422)
                    .hasValidationError("not_blank", "body", "title");
        }
    }

    @Test
    void answers404ForAnUnknownItem() {
        try (var client = TestClient.of(ItemsApp.app())) {
            var response = client.request("GET", "/items/baz").header("X-Token", "coneofsilence").send();
            assertThat(response)
                    .hasStatus(404)
                    .hasHeader("Content-Type", "application/json")
                    .hasJsonBody("{\"detail\": \"Item not found\"}");
        }
    }
}
// end::assertions-test[]
