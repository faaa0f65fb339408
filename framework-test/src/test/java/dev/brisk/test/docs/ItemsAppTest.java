package dev.brisk.test.docs;

// tag::items-test[]
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemsAppTest {
    private TestClient client;

    @BeforeEach
    void start() {
        client = TestClient.of(ItemsApp.app());    // a fresh app for every test
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void readItem() {
        var response = client.request("GET", "/items/foo").header("X-Token", "coneofsilence").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json(ItemsApp.Item.class))
                .isEqualTo(new ItemsApp.Item("foo", "Foo", "There goes my hero"));
    }

    @Test
    void readItemBadToken() {
        var response = client.request("GET", "/items/foo").header("X-Token", "hailhydra").send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).isEqualTo("Invalid X-Token header");
    }

    @Test
    void readNonexistentItem() {
        var response = client.request("GET", "/items/baz").header("X-Token", "coneofsilence").send();
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asText()).isEqualTo("Item not found");
    }

    @Test
    void createItem() {
        var item = new ItemsApp.Item("foobar", "Foo Bar", "The Foo Barters");
        var response = client.request("POST", "/items").header("X-Token", "coneofsilence").json(item).send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json(ItemsApp.Item.class)).isEqualTo(item);
    }

    @Test
    void createExistingItem() {
        var item = new ItemsApp.Item("foo", "The Foo ID Stealers", "There goes my stealer");
        var response = client.request("POST", "/items").header("X-Token", "coneofsilence").json(item).send();
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asText()).isEqualTo("Item already exists");
    }

    @Test
    void createItemFromMalformedJson() {
        var response = client.request("POST", "/items").header("X-Token", "coneofsilence")
                .jsonText("{\"id\": \"baz\", \"title\": ")  // sent as written: the JSON ends too early
                .send();
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/detail/0/type").asText()).isEqualTo("json_invalid");
    }
}
// end::items-test[]
