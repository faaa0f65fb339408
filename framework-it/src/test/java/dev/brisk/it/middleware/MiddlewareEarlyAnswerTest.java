package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Middleware;
import dev.brisk.Response;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A middleware may answer without calling the rest: the route does not run, outer middleware still see the answer. */
class MiddlewareEarlyAnswerTest {
    static final AtomicInteger CALLS = new AtomicInteger();

    public static class Routes {
        @Get("/secret")
        public String secret() {
            CALLS.incrementAndGet();
            return "the secret";
        }
    }

    static final Middleware GUARD = (req, next) -> req.header("X-Token").filter("ok"::equals).isPresent()
            ? next.proceed()
            : CompletableFuture.completedFuture(Response.json(401, Map.of("detail", "no token")).header("WWW-Authenticate", "Token"));

    static final Middleware STAMP = (req, next) -> next.proceed().thenApply(res -> res.setHeader("X-Stamp", "outer"));

    @Test
    void anEarlyAnswerSkipsTheRouteAndPassesTheOuterMiddleware() {
        CALLS.set(0);
        var app = App.builder().docs(false).include(new Routes()).middleware(STAMP, GUARD).build();
        try (var client = TestClient.of(app)) {
            var denied = client.get("/secret");
            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.json().get("detail").asText()).isEqualTo("no token");
            assertThat(denied.header("WWW-Authenticate")).isEqualTo("Token");
            assertThat(denied.header("X-Stamp")).isEqualTo("outer");
            assertThat(CALLS.get()).isZero();

            var allowed = client.request("GET", "/secret").header("X-Token", "ok").send();
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.text()).isEqualTo("the secret");
            assertThat(allowed.header("X-Stamp")).isEqualTo("outer");
            assertThat(CALLS.get()).isEqualTo(1);
        }
    }

    @Test
    void aMiddlewareCanReplaceTheStatusHeadersAndBodyOnTheWayOut() {
        Middleware rewrite = (req, next) -> next.proceed().thenApply(res -> {
            assertThat(new String((byte[]) res.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("the secret");
            assertThat(res.header("content-type")).contains("text/plain; charset=utf-8");
            return res.setStatus(203).removeHeader("X-Drop").body("rewritten");
        });
        Middleware addDrop = (req, next) -> next.proceed().thenApply(res -> res.header("X-Drop", "yes"));
        var app = App.builder().docs(false).include(new Routes()).middleware(rewrite, addDrop).build();
        try (var client = TestClient.of(app)) {
            var res = client.get("/secret");
            assertThat(res.status()).isEqualTo(203);
            assertThat(res.text()).isEqualTo("rewritten");
            assertThat(res.header("X-Drop")).isNull();
            assertThat(res.header("content-length")).isEqualTo("9");
        }
    }

    @Test
    void proceedingTwiceIsAnError() {
        Middleware twice = (req, next) -> next.proceed().thenCompose(r -> next.proceed());
        var app = App.builder().docs(false).include(new Routes()).middleware(twice).build();
        try (var client = TestClient.of(app, TestClient.Options.defaults().raiseServerExceptions(false))) {
            assertThat(client.get("/secret").status()).isEqualTo(500);
        }
    }
}
