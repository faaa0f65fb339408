package dev.brisk.examples.shop;

import dev.brisk.test.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class ShopAppTest {
    TestClient client;

    @BeforeEach
    void start() {
        client = TestClient.of(ShopApp.app());   // a fresh store per test
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private int create(String name, double price) {
        return client.post("/items", Map.of("name", name, "price", price)).json().get("id").asInt();
    }

    @Test
    void createReadAndList() {
        var created = client.post("/items", Map.of("name", "Widget", "price", 9.5, "tags", List.of("tools")));
        assertThat(created).hasStatus(201)
                .hasJsonBody("{\"id\":1,\"name\":\"Widget\",\"price\":9.5,\"description\":null,\"tags\":[\"tools\"]}");
        assertThat(client.get("/items/1")).hasStatus(200).hasJsonBody(created.text());
        assertThat(client.get("/items")).hasJsonBody("[" + created.text() + "]");
    }

    @Test
    void pagingAndSearch() {
        for (int i = 1; i <= 5; i++) create("item " + i, i);
        create("gadget", 1);
        assertThat(client.get("/items?skip=1&limit=2").json().findValuesAsText("name")).containsExactly("item 2", "item 3");
        assertThat(client.get("/items?q=GADGET").json().findValuesAsText("name")).containsExactly("gadget");
        assertThat(client.get("/items?limit=0")).hasValidationError("min", "query", "limit");
        assertThat(client.get("/items?limit=101")).hasValidationError("max", "query", "limit");
        assertThat(client.get("/items?skip=-1")).hasValidationError("min", "query", "skip");
    }

    @Test
    void invalidItemsAre422WithEveryProblem() {
        var r = client.post("/items", Map.of("name", " ", "price", -1, "tags", List.of("ok", "")));
        assertThat(r).hasStatus(422).hasJsonBody("""
                {"detail":[
                  {"type":"not_blank","loc":["body","name"],"msg":"String should not be blank","input":" "},
                  {"type":"positive","loc":["body","price"],"msg":"Input should be greater than 0","input":-1},
                  {"type":"not_blank","loc":["body","tags",1],"msg":"String should not be blank","input":""}]}""");
        assertThat(client.post("/items", Map.of("price", 1))).hasValidationError("missing", "body", "name");
    }

    @Test
    void unknownItemsAre404() {
        assertThat(client.get("/items/42")).hasStatus(404).hasJsonBody("{\"detail\":\"Item not found\"}");
    }

    @Test
    void adminRoutesNeedTheToken() {
        int id = create("Widget", 1);
        assertThat(client.delete("/admin/items/" + id)).hasValidationError("missing", "header", "x-token");
        assertThat(client.request("DELETE", "/admin/items/" + id).header("X-Token", "wrong").send()).hasStatus(403)
                .hasJsonBody("{\"detail\":\"Invalid X-Token header\"}");
        assertThat(client.request("PUT", "/admin/items/" + id).header("X-Token", "secret-token")
                .json(Map.of("name", "Renamed", "price", 2)).send()).hasStatus(200).hasJsonBody(
                "{\"id\":" + id + ",\"name\":\"Renamed\",\"price\":2.0,\"description\":null,\"tags\":[]}");
        assertThat(client.request("DELETE", "/admin/items/" + id).header("X-Token", "secret-token").send()).hasStatus(204);
        assertThat(client.request("DELETE", "/admin/items/" + id).header("X-Token", "secret-token").send()).hasStatus(404);
    }

    @Test
    void tokenCanBeOverriddenInTests() {
        client.override(Sessions.AdminToken.class, () -> new Sessions.AdminToken("test"));
        int id = create("Widget", 1);
        assertThat(client.delete("/admin/items/" + id)).hasStatus(204);
    }

    @Test
    void everySessionIsClosedAfterItsRequest() throws InterruptedException {
        for (int i = 0; i < 20; i++) create("w" + i, 1);
        client.get("/items/999");
        for (int i = 0; i < 200 && DbSession.OPEN.get() != 0; i++) Thread.sleep(5);
        assertThat(DbSession.OPEN.get()).isZero();
    }
}
