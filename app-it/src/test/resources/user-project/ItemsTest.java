package com.example.shop;

import dev.brisk.App;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;

// A user's test of the README's route class. It needs parameter names (-parameters) and a Surefire that runs JUnit 5.
class ItemsTest {
    @Test
    void createsAndReadsAnItem() {
        try (var client = TestClient.of(App.builder().include(new Items()).build())) {
            assertThat(client.post("/items", Map.of("name", "pen", "price", 2))).hasStatus(201);
            assertThat(client.get("/items/1")).hasStatus(200).hasJsonBody("{'id': 1, 'name': 'pen', 'price': 2.0}");
        }
    }

    @Test
    void rejectsAnIdThatIsNotANumber() {
        try (var client = TestClient.of(App.builder().include(new Items()).build())) {
            assertThat(client.get("/items/abc")).hasValidationError("int_parsing", "path", "id");
        }
    }
}
