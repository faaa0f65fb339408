package dev.brisk.transport;

import dev.brisk.Async;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Request;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Routes shared by the transport tests. */
public class TestRoutes {
    @Get("/hello")
    public String hello() {
        return "hello";
    }

    @Get("/json")
    public Map<String, Object> json() {
        return Map.of("message", "Hello, World!");
    }

    @Post("/echo")
    public String echo(Request req) {
        return req.bodyText();
    }

    /** A worker route that blocks for {@code ms}. */
    @Get("/slow")
    public String slow(int ms) throws InterruptedException {
        Thread.sleep(ms);
        return "slow " + ms;
    }

    /** An event-loop route that waits {@code ms} without blocking. */
    @Get("/async")
    public CompletableFuture<String> async(int ms) {
        return Async.sleep(Duration.ofMillis(ms)).thenApply(v -> "async " + ms);
    }
}
