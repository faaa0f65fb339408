package dev.brisk.startup;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Post;
import dev.brisk.Query;
import dev.brisk.internal.app.AppRuntime;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app whose routes read and write plain records only makes no databind mapper to build or to serve them
 * (~0.1 s of a cold start): its first use (an error body here) makes it. An app with a route that needs the
 * mapper makes it while it is built, without waiting for a request. Over a real socket: the TestClient
 * uses the mapper itself to read responses.
 */
class PlainRoutesNeedNoMapperTest {
    public record Message(String message) {
    }

    public record NewItem(@NotBlank String name, @Positive double price) {
    }

    public record Item(int id, String name, double price, List<String> tags) {
    }

    public static class PlainRoutes {
        @Get("/json")
        public Message json() {
            return new Message("Hello, World!");
        }

        @Post(value = "/items", status = 201)
        public Item create(NewItem item) {
            return new Item(1, item.name(), item.price(), List.of("new"));
        }

        @Get("/items/{id}")
        public Item item(int id, @Query @Max(10) int limit) {
            if (id != 1) throw new HttpException(404, "Item not found");
            return new Item(id, "Widget", 9.5, List.of());
        }
    }

    public record Labelled(Map<String, String> labels, Optional<String> note) {
    }

    public static class MapperRoutes {
        @Get("/labels")
        public Labelled labels() {
            return new Labelled(Map.of("a", "b"), Optional.empty());
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void plainRoutesAreServedWithoutTheMapperAndAnErrorBodyMakesIt() throws Exception {
        var app = App.builder().include(new PlainRoutes()).docs(false).build();
        var rt = AppRuntime.of(app);
        assertThat(rt.compiled().needsMapper()).isFalse();
        assertThat(rt.json().mapperMade()).isFalse();
        rt.compiled().cancelWarmUp();   // the warm-up would make it half a second after the start
        try (var server = app.start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            var json = get(base + "/json");
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.body()).isEqualTo("{\"message\":\"Hello, World!\"}");
            var created = post(base + "/items", "{\"name\":\"Widget\",\"price\":9.5}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).isEqualTo("{\"id\":1,\"name\":\"Widget\",\"price\":9.5,\"tags\":[\"new\"]}");
            assertThat(rt.json().mapperMade()).isFalse();

            // Error bodies of text, whole numbers and constraints' limits are written without the mapper.
            var missing = get(base + "/items/2?limit=1");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("{\"detail\":\"Item not found\"}");
            var badPath = get(base + "/items/abc?limit=1");
            assertThat(badPath.statusCode()).isEqualTo(422);
            assertThat(badPath.body()).isEqualTo("{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"path\",\"id\"],"
                    + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"abc\"}]}");
            var tooMany = get(base + "/items/1?limit=11");
            assertThat(tooMany.statusCode()).isEqualTo(422);
            assertThat(tooMany.body()).isEqualTo("{\"detail\":[{\"type\":\"max\",\"loc\":[\"query\",\"limit\"],"
                    + "\"msg\":\"Input should be less than or equal to 10\",\"input\":\"11\",\"ctx\":{\"value\":10}}]}");   // as ValidationErrorsTest's
            assertThat(rt.json().mapperMade()).isFalse();

            var invalid = post(base + "/items", "{\"name\":\"\",\"price\":-1}");
            assertThat(invalid.statusCode()).isEqualTo(422);
            assertThat(invalid.body()).startsWith("{\"detail\":[").contains("\"loc\":[\"body\",\"name\"]")
                    .contains("\"loc\":[\"body\",\"price\"]").contains("\"input\":-1");
            assertThat(rt.json().mapperMade()).isTrue();
            var broken = post(base + "/items", "{\"name\":");
            assertThat(broken.statusCode()).isEqualTo(422);
            assertThat(broken.body()).contains("json_invalid");
        }
    }

    @Test
    void aRouteThatNeedsTheMapperMakesItWhileTheAppIsBuilt() throws Exception {
        var app = App.builder().include(new MapperRoutes()).docs(false).build();
        var rt = AppRuntime.of(app);
        assertThat(rt.compiled().needsMapper()).isTrue();
        rt.compiled().cancelWarmUp();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!rt.json().mapperMade() && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(rt.json().mapperMade()).as("made on its own threads, no request asked").isTrue();
        try (var server = app.start("127.0.0.1", 0)) {
            var res = get("http://127.0.0.1:" + server.port() + "/labels");
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).isEqualTo("{\"labels\":{\"a\":\"b\"},\"note\":null}");
        }
    }

    @Test
    void theWarmUpMakesItOnceTheAppServes() throws Exception {
        var app = App.builder().include(new PlainRoutes()).docs(false).build();
        var rt = AppRuntime.of(app);
        try (var server = app.start("127.0.0.1", 0)) {
            rt.compiled().validationWarmedUp().get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(rt.json().mapperMade()).isTrue();
        }
    }
}
