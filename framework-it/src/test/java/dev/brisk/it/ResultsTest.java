package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Delete;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Post;
import dev.brisk.Response;
import dev.brisk.SetCookie;
import dev.brisk.test.BriskApp;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@BriskTest(raiseServerExceptions = false)
class ResultsTest {
    public record Point(int x, int y) {
    }

    public static class Routes {
        @Get("/record")
        public Point record() {
            return new Point(1, 2);
        }

        @Get("/list")
        public List<Point> list() {
            return List.of(new Point(1, 2));
        }

        @Get("/map")
        public Map<String, Integer> map() {
            return Map.of("a", 1);
        }

        @Get("/text")
        public String text() {
            return "héllo";
        }

        @Get("/bytes")
        public byte[] bytes() {
            return new byte[]{1, 2, 3};
        }

        @Delete("/void")
        public void nothing() {
        }

        @Post(value = "/void-201", status = 201)
        public void created() {
        }

        @Get("/optional/{id}")
        public Optional<Point> optional(int id) {
            return id == 1 ? Optional.of(new Point(1, 1)) : Optional.empty();
        }

        @Get("/response")
        public Response response() {
            return Response.json(202, Map.of("ok", true)).header("X-Extra", "1").cookie(SetCookie.of("sid", "abc"));
        }

        @Get("/param")
        public Point param(Response response) {
            response.setStatus(203).header("X-From-Param", "yes").cookie("c", "v");
            return new Point(0, 0);
        }

        @Get("/split")
        public Response split() {
            return Response.text("x").header("X-Evil", "a\r\nSet-Cookie: stolen=1");
        }

        @Get("/error")
        public String error() {
            throw new HttpException(418, Map.of("reason", "teapot"), Map.of("X-Error", "x"));
        }

        @Get("/crash")
        public String crash() {
            throw new IllegalStateException("secret internals");
        }

        @Get("/async-crash")
        public CompletableFuture<String> asyncCrash() {
            return CompletableFuture.failedFuture(new IllegalStateException("secret internals"));
        }

        @Get("/async-error")
        public CompletableFuture<String> asyncError() {
            return CompletableFuture.failedFuture(new HttpException(409, "Conflict here"));
        }
    }

    @BriskApp
    static App app() {
        return App.builder().include(new Routes()).build();
    }

    TestClient client;

    @Test
    void objectsBecomeJson() {
        assertThat(client.get("/record")).hasStatus(200).hasHeader("content-type", "application/json").hasJsonBody("{\"x\":1,\"y\":2}");
        assertThat(client.get("/list")).hasJsonBody("[{\"x\":1,\"y\":2}]");
        assertThat(client.get("/map")).hasJsonBody("{\"a\":1}");
    }

    @Test
    void stringsAreTextAndBytesAreOctets() {
        assertThat(client.get("/text")).hasHeader("content-type", "text/plain; charset=utf-8").hasText("héllo");
        var r = client.get("/bytes");
        assertThat(r).hasHeader("content-type", "application/octet-stream");
        assertThat(r.bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void voidIs204UnlessTheRouteSetsAStatus() {
        var r = client.delete("/void");
        assertThat(r).hasStatus(204);
        assertThat(r.bytes()).isEmpty();
        assertThat(client.post("/void-201", null)).hasStatus(201);
    }

    @Test
    void emptyOptionalIs404() {
        assertThat(client.get("/optional/1")).hasStatus(200);
        assertThat(client.get("/optional/2")).hasStatus(404).hasJsonBody("{\"detail\":\"Not Found\"}");
    }

    @Test
    void responseIsSentAsBuilt() {
        var r = client.get("/response");
        assertThat(r).hasStatus(202).hasHeader("X-Extra", "1").hasJsonBody("{\"ok\":true}");
        assertThat(r.header("set-cookie")).startsWith("sid=abc; Path=/");
    }

    @Test
    void responseParameterAddsToTheNormalResult() {
        var r = client.get("/param");
        assertThat(r).hasStatus(203).hasHeader("X-From-Param", "yes").hasJsonBody("{\"x\":0,\"y\":0}");
        assertThat(r.header("set-cookie")).startsWith("c=v");
    }

    @Test
    void httpExceptionCarriesAnyDetailAndHeaders() {
        assertThat(client.get("/error")).hasStatus(418).hasHeader("X-Error", "x").hasJsonBody("{\"detail\":{\"reason\":\"teapot\"}}");
        assertThat(client.get("/async-error")).hasStatus(409).hasJsonBody("{\"detail\":\"Conflict here\"}");
    }

    @Test
    void unexpectedExceptionsAre500WithoutDetails() {
        for (String path : List.of("/crash", "/async-crash")) {
            var r = client.get(path);
            assertThat(r).hasStatus(500).hasJsonBody("{\"detail\":\"Internal Server Error\"}");
            assertThat(r.text()).doesNotContain("secret");
        }
    }

    @Test
    void headerValuesCannotSplitTheResponse() {
        var r = client.get("/split");
        assertThat(r).hasStatus(500).doesNotHaveHeader("Set-Cookie").doesNotHaveHeader("X-Evil");
    }

    @Test
    void customExceptionHandler() {
        var app = App.builder().include(new Routes())
                .exceptionHandler(IllegalStateException.class, (e, req) -> Response.json(503, Map.of("detail", "busy", "path", req.path())))
                .build();
        try (var c = TestClient.of(app)) {
            assertThat(c.get("/crash")).hasStatus(503).hasJsonBody("{\"detail\":\"busy\",\"path\":\"/crash\"}");
        }
    }
}
