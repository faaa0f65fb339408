package dev.brisk.test;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.brisk.App;
import dev.brisk.Delete;
import dev.brisk.Form;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.Patch;
import dev.brisk.Post;
import dev.brisk.Put;
import dev.brisk.Request;
import dev.brisk.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** What the client sends and how the response reads: methods, paths, queries, headers, bodies. */
class TestClientRequestsTest {
    record Item(int id, String name, double price) {
    }

    record NewItem(String name, double price) {
    }

    record Echo(String method, String path, String uri, Map<String, List<String>> query, String host, String userAgent,
                String contentType, String body) {
    }

    public static class Routes {
        @Get("/items/{id}")
        public Item read(int id, Optional<String> q) {
            return new Item(id, q.orElse("none"), 1.5);
        }

        @Get("/items")
        public List<Item> list() {
            return List.of(new Item(1, "a", 1), new Item(2, "b", 2));
        }

        @Post(value = "/items", status = 201)
        public Item create(NewItem item) {
            return new Item(7, item.name(), item.price());
        }

        @Put("/items/{id}")
        public Item replace(int id, NewItem item) {
            return new Item(id, item.name(), item.price());
        }

        @Patch("/items/{id}")
        public Map<String, Object> patch(int id, Map<String, Object> changes) {
            var m = new LinkedHashMap<String, Object>(changes);
            m.put("id", id);
            return m;
        }

        @Delete("/items/{id}")
        public void delete(int id) {
        }

        @Get("/words/{word}")
        public String word(String word) {
            return word;
        }

        @Get("/token")
        public String token(@Header String xToken) {
            return xToken;
        }

        @Post("/login")
        public String login(@Form String username, @Form String password) {
            return username + ":" + password;
        }

        @Get("/future")
        public CompletableFuture<Item> future() {
            return CompletableFuture.completedFuture(new Item(3, "later", 3));
        }

        @dev.brisk.Options("/items")
        public Response optionsOfItems() {
            return Response.status(204).header("Allow", "GET, POST, OPTIONS");
        }

        @Get("/bye")
        public Response bye() {
            return Response.text("bye").header("X-Extra", "1").header("X-Extra", "2");
        }
    }

    static TestClient client;

    @BeforeAll
    static void start() {
        App app = App.builder()
                .include(new Routes())
                .route("POST", "/echo", TestClientRequestsTest::echo)
                .route("GET", "/echo", TestClientRequestsTest::echo)
                .route("PUT", "/echo", TestClientRequestsTest::echo)
                .route("PATCH", "/echo", TestClientRequestsTest::echo)
                .route("DELETE", "/echo", TestClientRequestsTest::echo)
                .build();
        client = TestClient.of(app);
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static Echo echo(Request r) {
        var q = new LinkedHashMap<String, List<String>>();
        for (String name : List.of("q", "a b", "x", "tag")) {
            if (!r.queries(name).isEmpty()) q.put(name, r.queries(name));
        }
        return new Echo(r.method(), r.path(), r.uri(), q, r.header("Host").orElse(null), r.header("User-Agent").orElse(null),
                r.contentType().orElse(null), r.bodyText());
    }

    @Test
    void getReadsAPathParameterAndAQueryString() {
        var r = client.get("/items/42?q=hello");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json(Item.class)).isEqualTo(new Item(42, "hello", 1.5));
        assertThat(r.contentType()).isEqualTo("application/json");
    }

    @Test
    void sendsHostTestserverAndUserAgentTestclient() {
        var echo = client.get("/echo").json(Echo.class);
        assertThat(echo.host()).isEqualTo("testserver");
        assertThat(echo.userAgent()).isEqualTo("testclient");
        assertThat(echo.method()).isEqualTo("GET");
    }

    @Test
    void queryValuesArePercentEncodedAsUtf8() {
        var echo = client.request("GET", "/echo")
                .query("q", "a b&c=d/é+?")
                .query("a b", "1")
                .query("tag", "x").query("tag", "y")
                .send().json(Echo.class);
        assertThat(echo.query()).containsEntry("q", List.of("a b&c=d/é+?"))
                .containsEntry("a b", List.of("1"))
                .containsEntry("tag", List.of("x", "y"));
        assertThat(echo.uri()).isEqualTo("/echo?q=a%20b%26c%3Dd%2F%C3%A9%2B%3F&a%20b=1&tag=x&tag=y");
    }

    @Test
    void queryParametersAreAppendedToAnExistingQueryString() {
        var echo = client.request("GET", "/echo?x=1").query("q", "2").send().json(Echo.class);
        assertThat(echo.uri()).isEqualTo("/echo?x=1&q=2");
    }

    @Test
    void charactersThatMayNotAppearInAPathAreEncoded() {
        assertThat(client.get("/words/hello world").text()).isEqualTo("hello world");
        assertThat(client.get("/words/grüße").text()).isEqualTo("grüße");
        assertThat(client.get("/words/a%2Fb").text()).isEqualTo("a/b");
        assertThat(client.get("/words/100%").text()).isEqualTo("100%");
    }

    @Test
    void absoluteUrlsOnTestserverWork() {
        var echo = client.get("http://testserver/echo?x=1#fragment").json(Echo.class);
        assertThat(echo.uri()).isEqualTo("/echo?x=1");
        assertThat(echo.host()).isEqualTo("testserver");
        assertThat(client.get("echo").json(Echo.class).path()).isEqualTo("/echo");
    }

    @Test
    void headersReachTheApp() {
        var r = client.request("GET", "/token").header("X-Token", "secret").send();
        assertThat(r).hasStatus(200).hasText("secret");
        assertThat(client.get("/token")).hasValidationError("missing", "header", "x-token");
    }

    @Test
    void explicitHeadersReplaceTheDefaults() {
        var echo = client.request("GET", "/echo").header("Host", "example.com").header("user-agent", "mine").send().json(Echo.class);
        assertThat(echo.host()).isEqualTo("example.com");
        assertThat(echo.userAgent()).isEqualTo("mine");
    }

    @Test
    void postSendsJsonAndReadsTheCreatedItem() {
        var r = client.post("/items", new NewItem("pen", 2.5));
        assertThat(r).hasStatus(201).hasJsonBody("{\"id\": 7, \"name\": \"pen\", \"price\": 2.5}");
        var echo = client.post("/echo", Map.of("a", 1)).json(Echo.class);
        assertThat(echo.contentType()).isEqualTo("application/json");
        assertThat(echo.body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void postWithANullBodySendsNoBody() {
        var echo = client.post("/echo", null).json(Echo.class);
        assertThat(echo.body()).isEmpty();
        assertThat(echo.contentType()).isNull();
        assertThat(client.post("/items", null)).hasValidationError("missing", "body");
    }

    @Test
    void expectContinueGetsTheFinalResponse() {
        var r = client.request("POST", "/items").header("Expect", "100-continue").json(new NewItem("pen", 1)).send();
        assertThat(r).hasStatus(201).hasJsonBody("{'id': 7, 'name': 'pen', 'price': 1.0}");
        assertThat(client.get("/items/1")).hasStatus(200);
    }

    @Test
    void putPatchAndDeleteUseTheirMethods() {
        assertThat(client.put("/items/3", new NewItem("cup", 4))).hasStatus(200).hasJsonBody("{'id':3,'name':'cup','price':4.0}");
        assertThat(client.patch("/items/3", Map.of("name", "mug"))).hasStatus(200).hasJsonBody("{'name':'mug','id':3}");
        assertThat(client.delete("/items/3")).hasStatus(204).hasText("");
        for (String m : List.of("PUT", "PATCH", "DELETE")) {
            assertThat(client.request(m, "/echo").send().json(Echo.class).method()).isEqualTo(m);
        }
    }

    @Test
    void methodNamesAreUpperCased() {
        assertThat(client.request("get", "/echo").send().json(Echo.class).method()).isEqualTo("GET");
    }

    @Test
    void headGetsTheHeadersOfGetWithoutABody() {
        var get = client.get("/items/1");
        var head = client.head("/items/1");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bytes()).isEmpty();
        assertThat(head.contentType()).isEqualTo("application/json");
        assertThat(head.header("content-length")).isEqualTo(get.header("content-length"));
    }

    @Test
    void optionsCallsTheOptionsRoute() {
        assertThat(client.options("/items")).hasStatus(204).hasHeader("Allow", "GET, POST, OPTIONS");
    }

    @Test
    void formFieldsAreUrlEncoded() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("username", "jo hn&co");
        fields.put("password", "p=ß");
        assertThat(client.request("POST", "/login").form(fields).send()).hasStatus(200).hasText("jo hn&co:p=ß");
        var echo = client.request("POST", "/echo").form(fields).send().json(Echo.class);
        assertThat(echo.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(echo.body()).isEqualTo("username=jo+hn%26co&password=p%3D%C3%9F");
    }

    @Test
    void rawBodiesKeepTheirBytesAndContentType() {
        var bytes = client.request("POST", "/echo").body(new byte[] {'h', 'i'}, "application/x-thing").send().json(Echo.class);
        assertThat(bytes.body()).isEqualTo("hi");
        assertThat(bytes.contentType()).isEqualTo("application/x-thing");
        var text = client.request("POST", "/echo").body("{\"raw\": true}", "application/json").send().json(Echo.class);
        assertThat(text.body()).isEqualTo("{\"raw\": true}");
        var none = client.request("POST", "/echo").body("plain", null).send().json(Echo.class);
        assertThat(none.contentType()).isNull();
    }

    @Test
    void jsonTextSendsTheTextAsWrittenAsJson() {
        var echo = client.request("POST", "/echo").jsonText("{\"a\" : [1, 2.50], \"b\": \"\u00e9\"}").send().json(Echo.class);
        assertThat(echo.contentType()).isEqualTo("application/json");
        assertThat(echo.body()).isEqualTo("{\"a\" : [1, 2.50], \"b\": \"\u00e9\"}");
        assertThat(client.request("POST", "/items").jsonText("{\"name\": \"pen\", \"price\": 2}").send())
                .hasStatus(201).hasJsonBody("{'id': 7, 'name': 'pen', 'price': 2.0}");
        assertThat(client.request("POST", "/items").jsonText("{\"name\": \"pen\",").send()).hasValidationError("json_invalid", "body", 15);
        // json(...) writes a String as a JSON string; jsonText(...) does not
        assertThat(client.request("POST", "/echo").json("[1]").send().json(Echo.class).body()).isEqualTo("\"[1]\"");
        assertThat(client.request("POST", "/echo").jsonText("[1]").send().json(Echo.class).body()).isEqualTo("[1]");
    }

    @Test
    void jsonReadsTreesClassesAndGenericTypes() {
        var r = client.get("/items");
        assertThat(r.json().get(1).get("name").asText()).isEqualTo("b");
        List<Item> items = r.json(new TypeReference<>() {
        });
        assertThat(items).containsExactly(new Item(1, "a", 1), new Item(2, "b", 2));
        assertThat(client.get("/future").json(Item.class)).isEqualTo(new Item(3, "later", 3));
    }

    @Test
    void readingANonJsonBodyAsJsonFailsWithTheResponse() {
        var r = client.get("/bye");
        org.assertj.core.api.Assertions.assertThatThrownBy(r::json)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("GET /bye")
                .hasMessageContaining("bye");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.json(Item.class)).isInstanceOf(AssertionError.class);
    }

    @Test
    void headersAreCaseInsensitiveAndKeepEveryValue() {
        var r = client.get("/bye");
        assertThat(r.header("x-extra")).isEqualTo("1");
        assertThat(r.header("X-EXTRA")).isEqualTo("1");
        assertThat(r.headers().get("x-Extra")).containsExactly("1", "2");
        assertThat(r.header("X-Missing")).isNull();
        assertThat(r.text()).isEqualTo("bye");
        assertThat(r.bytes()).isEqualTo("bye".getBytes(StandardCharsets.UTF_8));
        assertThat(r.contentType()).startsWith("text/plain");
    }

    @Test
    void unknownPathsAnswer404() {
        assertThat(client.get("/nowhere")).hasStatus(404).hasJsonBody("{\"detail\": \"Not Found\"}");
    }

    @Test
    void toStringShowsRequestStatusHeadersAndBody() {
        String s = client.get("/items/5").toString();
        assertThat(s).startsWith("GET /items/5\nHTTP/1.1 200 OK\n")
                .contains("content-type: application/json")
                .endsWith("{\"id\":5,\"name\":\"none\",\"price\":1.5}");
    }
}
