package dev.brisk.it.middleware;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Middleware;
import dev.brisk.Router;
import dev.brisk.UseMiddleware;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** App middleware run outermost in registration order, then the router's, then the route's; the way out is the reverse. */
class MiddlewareOrderTest {
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    static Middleware named(String name) {
        return (req, next) -> {
            EVENTS.add(name + " in");
            return next.proceed().thenApply(res -> {
                EVENTS.add(name + " out");
                return res.header("X-Trail", name);
            });
        };
    }

    public static final class RouterMw implements Middleware {
        @Override
        public java.util.concurrent.CompletionStage<dev.brisk.Response> handle(dev.brisk.Request request, Next next) throws Exception {
            return named("router").handle(request, next);
        }
    }

    public static final class RouteMw implements Middleware {
        @Override
        public java.util.concurrent.CompletionStage<dev.brisk.Response> handle(dev.brisk.Request request, Next next) throws Exception {
            return named("route").handle(request, next);
        }
    }

    @Router(prefix = "/r")
    @UseMiddleware(RouterMw.class)
    public static class Routes {
        @Get("/plain")
        @UseMiddleware(RouteMw.class)
        public String plain() {
            EVENTS.add("handler");
            return "ok";
        }

        @Get("/async")
        public CompletableFuture<String> async() {
            EVENTS.add("handler");
            return CompletableFuture.completedFuture("ok");
        }
    }

    private static App app() {
        return App.builder().docs(false).include(new Routes()).middleware(named("first"), named("second")).middleware(named("third")).build();
    }

    @Test
    void outermostFirstInRegistrationOrderThenRouterThenRoute() {
        EVENTS.clear();
        try (var client = TestClient.of(app())) {
            var res = client.get("/r/plain");
            assertThat(res.status()).isEqualTo(200);
            assertThat(EVENTS).containsExactly("first in", "second in", "third in", "router in", "route in", "handler",
                    "route out", "router out", "third out", "second out", "first out");
            // Each adds its header on the way out: the innermost first.
            assertThat(res.headers().get("X-Trail")).containsExactly("route", "router", "third", "second", "first");
        }
    }

    @Test
    void theSameOrderForAnEventLoopRoute() {
        EVENTS.clear();
        try (var client = TestClient.of(app())) {
            assertThat(client.get("/r/async").status()).isEqualTo(200);
            assertThat(EVENTS).containsExactly("first in", "second in", "third in", "router in", "handler",
                    "router out", "third out", "second out", "first out");
        }
    }

    @Test
    void appMiddlewareAloneSeeAnswersWithoutARoute() {
        EVENTS.clear();
        try (var client = TestClient.of(app())) {
            var res = client.get("/nowhere");
            assertThat(res.status()).isEqualTo(404);
            assertThat(EVENTS).containsExactly("first in", "second in", "third in", "third out", "second out", "first out");
            assertThat(res.headers().get("X-Trail")).containsExactly("third", "second", "first");
        }
    }
}
