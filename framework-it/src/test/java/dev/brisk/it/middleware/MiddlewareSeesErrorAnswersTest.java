package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Middleware;
import dev.brisk.Post;
import dev.brisk.test.TestClient;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Middleware see every answer as a response: 404, 405, 413, 422, 500, HttpExceptions, and errors thrown by
 * inner middleware; so headers they add (CORS, request ids) are on those too (Starlette loses them on 500s).
 */
class MiddlewareSeesErrorAnswersTest {
    public static class Routes {
        @Get("/boom")
        public String boom() {
            throw new IllegalStateException("boom");
        }

        @Get("/missing")
        public String missing() {
            throw new HttpException(404, "Item not found");
        }

        @Get("/count")
        public int count(@Min(1) int n) {
            return n;
        }

        @Post("/echo")
        public String echo(dev.brisk.Request req) {
            return req.bodyText();
        }
    }

    static final Middleware MARK = (req, next) -> next.proceed().thenApply(res -> res.setHeader("X-Seen", String.valueOf(res.status())));

    private static TestClient client(Middleware... more) {
        var b = App.builder().docs(false).include(new Routes()).maxBodySize(16).middleware(MARK);
        b.middleware(more);
        return TestClient.of(b.build(), TestClient.Options.defaults().raiseServerExceptions(false));
    }

    @Test
    void everyKindOfErrorAnswerPassesThroughMiddleware() {
        try (var client = client()) {
            assertThat(client.get("/boom").header("X-Seen")).isEqualTo("500");
            assertThat(client.get("/missing").header("X-Seen")).isEqualTo("404");
            assertThat(client.get("/nowhere").header("X-Seen")).isEqualTo("404");
            var wrongMethod = client.delete("/boom");
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.header("Allow")).isEqualTo("GET, HEAD");
            assertThat(wrongMethod.header("X-Seen")).isEqualTo("405");
            assertThat(client.get("/count?n=0").header("X-Seen")).isEqualTo("422");
            assertThat(client.get("/count?n=x").header("X-Seen")).isEqualTo("422");
        }
    }

    @Test
    void aBodyTooLargeIsAnsweredThroughTheAppMiddleware() {
        try (var client = client()) {
            var res = client.request("POST", "/echo").body("x".repeat(100), "text/plain").send();
            assertThat(res.status()).isEqualTo(413);
            assertThat(res.header("X-Seen")).isEqualTo("413");
        }
    }

    @Test
    void anErrorThrownByAnInnerMiddlewareReachesTheOuterOnesAsAResponse() {
        Middleware throwing = (req, next) -> {
            throw new IllegalStateException("middleware broke");
        };
        Middleware teapot = (req, next) -> {
            throw new HttpException(418, "short and stout");
        };
        try (var client = client(throwing)) {
            var res = client.get("/count?n=1");
            assertThat(res.status()).isEqualTo(500);
            assertThat(res.json().get("detail").asText()).isEqualTo("Internal Server Error");
            assertThat(res.header("X-Seen")).isEqualTo("500");
        }
        try (var client = client(teapot)) {
            var res = client.get("/count?n=1");
            assertThat(res.status()).isEqualTo(418);
            assertThat(res.json().get("detail").asText()).isEqualTo("short and stout");
            assertThat(res.header("X-Seen")).isEqualTo("418");
        }
    }

    @Test
    void aMiddlewareReturningNullIsAServerError() {
        Middleware nothing = (req, next) -> null;
        Middleware emptyResult = (req, next) -> CompletableFuture.completedFuture(null);
        for (var m : new Middleware[] {nothing, emptyResult}) {
            try (var client = client(m)) {
                var res = client.get("/count?n=1");
                assertThat(res.status()).isEqualTo(500);
                assertThat(res.header("X-Seen")).isEqualTo("500");
            }
        }
    }
}
