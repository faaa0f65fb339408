package dev.brisk.examples.bench;

import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import dev.brisk.App;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;

/** The six benchmark routes answer exactly what the side-by-side harness (benchmarks/side-by-side) checks before it measures. */
@BriskTest
class BenchAppTest {
    @BriskApp
    static App app() {
        return BenchApp.app();
    }

    @Test
    void plaintextAndJson(TestClient client) {
        assertThat(client.get("/plaintext")).hasStatus(200).hasHeader("content-type", "text/plain; charset=utf-8").hasText("Hello, World!");
        assertThat(client.get("/json")).hasStatus(200).hasHeader("content-type", "application/json").hasJsonBody("{\"message\":\"Hello, World!\"}");
    }

    @Test
    void pathQuery(TestClient client) {
        assertThat(client.get("/items/42?q=hello")).hasStatus(200).hasJsonBody("{\"id\":42,\"q\":\"hello\"}");
        assertThat(client.get("/items/42")).hasStatus(200).hasJsonBody("{\"id\":42,\"q\":null}");
        assertThat(client.get("/items/abc?q=hello")).hasStatus(422).hasValidationError("int_parsing", "path", "id");
    }

    @Test
    void postValid(TestClient client) {
        assertThat(client.post("/items", Map.of("name", "widget", "price", 9.5))).hasStatus(201)
                .hasJsonBody("{\"id\":1,\"name\":\"widget\",\"price\":9.5}");
        assertThat(client.post("/items", Map.of("name", "", "price", 0))).hasStatus(422)
                .hasValidationError("not_blank", "body", "name").hasValidationError("positive", "body", "price");
    }

    @Test
    void sleeps(TestClient client) {
        assertThat(client.get("/sync-sleep")).hasStatus(200).hasJsonBody("{\"result\":\"sync\"}");
        assertThat(client.get("/async-sleep")).hasStatus(200).hasJsonBody("{\"result\":\"async\"}");
    }
}
