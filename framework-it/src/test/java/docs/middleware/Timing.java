package docs.middleware;

import dev.brisk.*;
import java.util.Map;
import java.util.Set;

public class Timing {
    // See the request, call next.proceed(), change the response on the way out.
    static final Middleware TIMING = (request, next) -> {
        long start = System.nanoTime();
        return next.proceed().thenApply(response ->
                response.setHeader("X-Process-Time", (System.nanoTime() - start) / 1000 + "us"));
    };

    // Blocking code (a database lookup, say) goes in Middleware.blocking: it runs on a worker thread.
    static Middleware apiKeys(Set<String> keys) {
        return Middleware.blocking((request, next) -> {
            if (!keys.contains(request.header("X-API-Key").orElse(""))) {
                return Response.json(401, Map.of("detail", "Not authenticated"));   // an early answer: the route never runs
            }
            return next.proceed();
        });
    }

    @Get("/hello")
    public Map<String, String> hello() {
        return Map.of("hello", "world");
    }

    public static App app() {
        return App.builder()
                .middleware(TIMING, apiKeys(Set.of("key-1")))   // outermost first
                .include(new Timing())
                .build();
    }
}
