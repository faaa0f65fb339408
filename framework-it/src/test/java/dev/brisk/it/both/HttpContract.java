package dev.brisk.it.both;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Post;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviour that must be the same in-process (TestClient) and over a real socket: the same
 * assertions, run once per transport by the subclasses.
 */
abstract class HttpContract {
    /** A transport-neutral response. */
    record Res(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            }
            return null;
        }
    }

    public record Item(String name, @Positive double price) {
    }

    public static class Routes {
        @Get("/items/{id}")
        public Item read(int id) {
            if (id != 1) throw new HttpException(404, "Item not found", Map.of("X-Missing", String.valueOf(id)));
            return new Item("one", 1);
        }

        @Post(value = "/items", status = 201)
        public Item create(Item item) {
            return item;
        }

        @Get("/crash")
        public String crash() {
            throw new IllegalStateException("hidden");
        }
    }

    static App app() {
        return App.builder().include(new Routes()).build();
    }

    /** Sends a request; {@code body} (JSON) may be null. */
    abstract Res call(String method, String path, String body) throws Exception;

    @Test
    void jsonResultWithLengthAndDate() throws Exception {
        var r = call("GET", "/items/1", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"name\":\"one\",\"price\":1.0}");
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(r.header("content-length")).isEqualTo(String.valueOf(r.body().length()));
        assertThat(r.header("date")).endsWith("GMT");
    }

    @Test
    void httpExceptionWithHeaders() throws Exception {
        var r = call("GET", "/items/2", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"detail\":\"Item not found\"}");
        assertThat(r.header("x-missing")).isEqualTo("2");
    }

    @Test
    void validationError() throws Exception {
        var r = call("POST", "/items", "{\"name\":\"x\",\"price\":0}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"detail\":[{\"type\":\"positive\",\"loc\":[\"body\",\"price\"],"
                + "\"msg\":\"Input should be greater than 0\",\"input\":0}]}");
        assertThat(call("POST", "/items", "{\"name\":\"x\",\"price\":2}").status()).isEqualTo(201);
    }

    @Test
    void notFoundAndMethodNotAllowed() throws Exception {
        assertThat(call("GET", "/nope", null).body()).isEqualTo("{\"detail\":\"Not Found\"}");
        var r = call("DELETE", "/items/1", null);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void headHasHeadersButNoBody() throws Exception {
        var r = call("HEAD", "/items/1", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("content-length")).isEqualTo("26");
    }

    @Test
    void unexpectedErrorsAreHidden() throws Exception {
        var r = call("GET", "/crash", null);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"detail\":\"Internal Server Error\"}");
    }
}
