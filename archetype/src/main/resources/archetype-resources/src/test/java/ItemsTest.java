package ${package};

import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The routes through Brisk's in-process TestClient: the real HTTP pipeline, no socket. */
class ItemsTest {
    @Test
    void createdItemsCanBeRead() {
        try (var client = TestClient.of(Main.app())) {
            var created = client.post("/items", Map.of("name", "Widget", "price", 9.5));
            assertEquals(201, created.status());
            assertEquals("Widget", created.json().get("name").asText());
            int id = created.json().get("id").asInt();
            assertEquals(9.5, client.get("/items/" + id).json().get("price").asDouble());
            assertEquals(1, client.get("/items").json().size());
        }
    }

    @Test
    void badInputIsAnsweredWithFastApisErrors() {
        try (var client = TestClient.of(Main.app())) {
            var invalid = client.post("/items", Map.of("name", "", "price", -1));
            assertEquals(422, invalid.status());
            assertEquals(2, invalid.json().get("detail").size());
            assertEquals(422, client.get("/items/abc").status());
            assertEquals(404, client.get("/items/99").status());
        }
    }
}
