package dev.brisk.examples.hello;

import dev.brisk.App;
import dev.brisk.Async;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Responds;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The seed app: a blocking handler, a non-blocking one, and a 404. */
public final class HelloApp {
    /** A result body. */
    public record Result(String result) {
    }

    /** Resource data. */
    public record Resource(int id, String name) {
    }

    private static final Map<Integer, Resource> RESOURCES = Map.of(1, new Resource(1, "first"), 2, new Resource(2, "second"));

    /** Blocks its worker thread for a second: plain methods run on the worker pool. */
    @Get("/sync")
    public Result sync() throws InterruptedException {
        Thread.sleep(1000);
        return new Result("Sync handler complete");
    }

    /** Waits a second without holding any thread: future-returning methods run on the event loop. */
    @Get("/async")
    public CompletableFuture<Result> async() {
        return Async.sleep(Duration.ofSeconds(1)).thenApply(v -> new Result("Async handler complete"));
    }

    /** A resource by id; unknown ids answer 404. */
    @Get("/resource/{id}")
    @Responds(status = 404, description = "Resource not found")
    public Resource resource(int id) {
        var r = RESOURCES.get(id);
        if (r == null) throw new HttpException(404, "Resource not found");
        return r;
    }

    /** The app, ready to run. */
    public static App app() {
        return App.builder().title("Hello").version("1.0.0").include(new HelloApp()).build();
    }
}
