package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.Cors;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Middleware;
import dev.brisk.Post;
import dev.brisk.Request;
import dev.brisk.Response;
import dev.brisk.TrustedHost;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.brisk.test.BriskAssertions.assertThat;

/**
 * CORS headers are on error answers too (Starlette loses them on 500s): 404, 405, 413, 422, 500,
 * HttpExceptions, and errors or early answers of middleware registered after (inside) Cors.
 */
class CorsOnErrorAnswersTest {
    static final String ORIGIN = "https://app.example.com";

    public static class Routes {
        @Get("/items/{id}")
        public Map<String, Integer> item(int id) {
            return Map.of("id", id);
        }

        @Post("/upload")
        public String upload(Request request) {
            return "got " + request.body().length;
        }

        @Get("/crash")
        public String crash() {
            throw new IllegalStateException("boom");
        }

        @Get("/async-crash")
        public CompletableFuture<String> asyncCrash() {
            return CompletableFuture.failedFuture(new IllegalStateException("boom"));
        }

        @Get("/teapot")
        public String teapot() {
            throw new HttpException(418, "I'm a teapot", Map.of("X-Why", "tea"));
        }

        @Get("/inner-fails")
        public String innerFails() {
            return "never";
        }

        @Get("/inner-answers")
        public String innerAnswers() {
            return "never";
        }
    }

    /** Registered after Cors: fails or answers on two paths. */
    static final Middleware INNER = (request, next) -> {
        if (request.path().equals("/inner-fails")) throw new IllegalStateException("middleware boom");
        if (request.path().equals("/inner-answers")) return CompletableFuture.completedFuture(Response.status(429).body("slow down"));
        return next.proceed();
    };

    static TestClient client;

    @BeforeAll
    static void start() {
        client = TestClient.of(App.builder()
                .maxBodySize(16)
                .middleware(Cors.allowOrigins(ORIGIN).allowCredentials(true).exposeHeaders("X-Why"),
                        TrustedHost.of("testserver", "api.example.com"), INNER)
                .include(new Routes()).build(), TestClient.Options.defaults().raiseServerExceptions(false));
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static TestResponse get(String path) {
        return client.request("GET", path).header("Origin", ORIGIN).send();
    }

    private static void hasCors(TestResponse r) {
        assertThat(r).hasHeader("Access-Control-Allow-Origin", ORIGIN).hasHeader("Access-Control-Allow-Credentials", "true")
                .hasHeader("Vary", "Origin");
    }

    @Test
    void notFoundAndMethodNotAllowed() {
        var r404 = get("/nowhere");
        assertThat(r404).hasStatus(404).hasJsonBody("{\"detail\":\"Not Found\"}");
        hasCors(r404);
        var r405 = client.request("DELETE", "/items/1").header("Origin", ORIGIN).send();
        assertThat(r405).hasStatus(405).hasHeader("Allow");
        hasCors(r405);
    }

    @Test
    void validationErrors() {
        var r = get("/items/abc");
        assertThat(r).hasStatus(422).hasValidationError("int_parsing", "path", "id");
        hasCors(r);
    }

    @Test
    void tooLargeBodies() {
        var r = client.request("POST", "/upload").header("Origin", ORIGIN).body(new byte[100], "application/octet-stream").send();
        assertThat(r).hasStatus(413);
        hasCors(r);
    }

    @Test
    void internalServerErrors() {
        for (String path : new String[] {"/crash", "/async-crash"}) {
            var r = get(path);
            assertThat(r).as(path).hasStatus(500).hasJsonBody("{\"detail\":\"Internal Server Error\"}");
            hasCors(r);
        }
    }

    @Test
    void httpExceptionsKeepTheirHeaders() {
        var r = get("/teapot");
        assertThat(r).hasStatus(418).hasHeader("X-Why", "tea").hasHeader("Access-Control-Expose-Headers", "X-Why");
        hasCors(r);
    }

    @Test
    void errorsAndEarlyAnswersOfInnerMiddleware() {
        var failed = get("/inner-fails");
        assertThat(failed).hasStatus(500);
        hasCors(failed);
        var answered = get("/inner-answers");
        assertThat(answered).hasStatus(429).hasText("slow down");
        hasCors(answered);
        var refused = client.request("GET", "http://evil.example/items/1").header("Origin", ORIGIN).send();
        assertThat(refused).as("TrustedHost's refusal").hasStatus(400).hasJsonBody("{\"detail\":\"Invalid host header\"}");
        hasCors(refused);
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeadersOnErrorsEither() {
        var r = client.request("GET", "/crash").header("Origin", "https://evil.example").send();
        assertThat(r).hasStatus(500).doesNotHaveHeader("Access-Control-Allow-Origin").hasHeader("Vary", "Origin");
    }

    @Test
    void middlewareOutsideCorsIsOutsideIt() {
        // An answer made before Cors saw the request (here: a middleware registered first) has no CORS headers:
        // register Cors before middleware whose answers a browser must be able to read.
        Middleware outer = (request, next) -> {
            throw new IllegalStateException("outer boom");
        };
        try (var c = TestClient.of(App.builder().middleware(outer, Cors.allowOrigins(ORIGIN)).route("GET", "/", req -> "ok").build(),
                TestClient.Options.defaults().raiseServerExceptions(false))) {
            var r = c.request("GET", "/").header("Origin", ORIGIN).send();
            assertThat(r).hasStatus(500).doesNotHaveHeader("Access-Control-Allow-Origin");
        }
    }
}
