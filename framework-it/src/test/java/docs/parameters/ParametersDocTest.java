package docs.parameters;

import dev.brisk.App;
import dev.brisk.it.docs.DocSnippets;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParametersDocTest {
    @Test
    void snippetsAreThisCode() {
        DocSnippets.assertAllCompiled("docs/parameters.md");
    }

    @Test
    void behavesAsDocumented() {
        var app = App.builder().include(new Items()).include(new Explicit()).include(new Bodies()).include(new Raw()).build();
        try (var c = TestClient.of(app)) {
            assertThat(c.get("/items/5?shortView=yes&tag=a&tag=b")).hasJsonBody("{\"id\":5,\"q\":\"\",\"short\":true,\"tags\":[\"a\",\"b\"]}");
            assertThat(c.get("/items/5")).hasValidationError("missing", "query", "shortView");
            assertThat(c.put("/items/5", Map.of("name", "n", "price", 1))).hasJsonBody("{\"name\":\"n\",\"price\":1.0,\"description\":null,\"tags\":[]}");
            assertThat(c.request("GET", "/explicit/7").header("X-Request-Id", "r1").send()).hasText("7 20 r1 en guest");
            assertThat(c.get("/explicit/7")).hasValidationError("missing", "header", "x-request-id");
            assertThat(c.post("/orders", Map.of("item", Map.of("name", "pen", "price", 1), "user", Map.of("username", "ann"), "importance", 2)))
                    .hasText("ann ordered pen (2)");
            assertThat(c.post("/users", Map.of("user", Map.of("username", "bo")))).hasJsonBody("{\"username\":\"bo\"}");
            assertThat(c.request("POST", "/login").form(Map.of("username", "cy", "password", "pw")).send()).hasText("hello cy");
            var raw = c.request("GET", "/raw?x=1").header("User-Agent", "tests").send();
            assertThat(raw).hasText("GET /raw?x=1 tests").hasHeader("X-Seen-Path", "/raw");
            assertThat(raw.header("set-cookie")).startsWith("visited=yes");
        }
    }

    @Test
    void cookiesBehaveAsDocumented() {
        var app = App.builder().include(new Preferences()).build();
        try (var c = TestClient.of(app)) {
            var saved = c.request("POST", "/prefs").query("theme", "dark").query("note", "caf\u00e9; Domain=evil.com").send();
            assertThat(saved).hasStatus(200).hasText("saved");
            assertThat(saved.headers().get("set-cookie")).hasSize(2)
                    .anySatisfy(h -> assertThat(h).startsWith("theme=dark; Max-Age=31536000; Expires="))
                    .anySatisfy(h -> assertThat(h).isEqualTo("note=caf%C3%A9%3B%20Domain%3Devil.com; Path=/; HTTPOnly; SameSite=Lax"));
            assertThat(c.get("/prefs/note")).hasText("caf\u00e9; Domain=evil.com");

            assertThat(c.request("POST", "/prefs").query("theme", "dark; Domain=evil.com").query("note", "").send())
                    .hasValidationError("pattern", "query", "theme").doesNotHaveHeader("Set-Cookie");

            assertThat(c.post("/prefs/clear", null)).hasText("cleared");
            assertThat(c.cookies()).isEmpty();
            assertThat(c.get("/prefs/note")).hasText("");

            assertThatThrownBy(() -> c.request("POST", "/prefs/unsafe").query("theme", "dark; Domain=evil.com").send())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cookie \"theme\"");
        }
        try (var c = TestClient.of(app, TestClient.Options.defaults().raiseServerExceptions(false))) {
            assertThat(c.request("POST", "/prefs/unsafe").query("theme", "dark; Domain=evil.com").send())
                    .hasStatus(500).doesNotHaveHeader("Set-Cookie");
            assertThat(c.request("POST", "/prefs/unsafe").query("theme", "dark").send()).hasStatus(200).hasHeader("Set-Cookie");
        }
    }

    @Test
    void bodyFieldsAsDocumented() {
        try (var c = TestClient.of(App.builder().include(new Todos()).build())) {
            assertThat(c.post("/todos", Map.of("title", "buy milk"))).hasStatus(200).hasJsonBody(
                    "{\"title\":\"buy milk\",\"done\":false,\"lists\":[\"inbox\"],\"note\":null,\"tags\":[],\"labels\":null}");
            var nulls = new java.util.HashMap<String, Object>();
            nulls.put("title", "t");
            nulls.put("note", null);
            nulls.put("labels", null);
            assertThat(c.post("/todos", nulls)).hasStatus(200);
            nulls.put("tags", null);
            nulls.put("done", null);
            assertThat(c.post("/todos", nulls)).hasStatus(422)
                    .hasValidationError("bool_type", "body", "done").hasValidationError("list_type", "body", "tags");
            assertThat(c.post("/todos", Map.of())).hasValidationError("missing", "body", "title");
        }
        try (var c = TestClient.of(App.builder().include(new Items()).build())) {
            assertThat(c.get("/items/12345678901234?shortView=no")).hasValidationError("int_parsing_size", "path", "id");
        }
    }
}
