package dev.brisk.examples.bench;

import dev.brisk.App;
import dev.brisk.Async;
import dev.brisk.Get;
import dev.brisk.Post;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The six routes of the side-by-side benchmark (benchmarks/side-by-side, docs/benchmarks.md). */
public final class BenchApp {
    /** {@code {"message": ...}}. */
    public record Message(String message) {
    }

    /** Path and query echo. */
    public record ItemQuery(int id, String q) {
    }

    /** The validated POST body. */
    public record NewItem(@NotBlank String name, @Positive double price) {
    }

    /** The created item. */
    public record Item(int id, String name, double price) {
    }

    /** A sleep result. */
    public record Result(String result) {
    }

    private static final Message HELLO = new Message("Hello, World!");

    @Get("/plaintext")
    public CompletableFuture<String> plaintext() {
        return CompletableFuture.completedFuture("Hello, World!");
    }

    @Get("/json")
    public CompletableFuture<Message> json() {
        return CompletableFuture.completedFuture(HELLO);
    }

    @Get("/items/{id}")
    public CompletableFuture<ItemQuery> item(int id, Optional<String> q) {
        return CompletableFuture.completedFuture(new ItemQuery(id, q.orElse(null)));
    }

    @Post(value = "/items", status = 201)
    public CompletableFuture<Item> create(NewItem item) {
        return CompletableFuture.completedFuture(new Item(1, item.name(), item.price()));
    }

    @Get("/sync-sleep")
    public Result syncSleep() throws InterruptedException {
        Thread.sleep(100);
        return new Result("sync");
    }

    @Get("/async-sleep")
    public CompletableFuture<Result> asyncSleep() {
        return Async.sleep(Duration.ofMillis(100)).thenApply(v -> new Result("async"));
    }

    /** The app, ready to run. */
    public static App app() {
        return builder().build();
    }

    /** The app's builder, for variants (ObservedBench). */
    public static App.Builder builder() {
        var b = App.builder().title("Bench").include(new BenchApp()).docs(false);
        String loops = System.getProperty("bench.eventLoops");
        if (loops != null) b.eventLoops(Integer.parseInt(loops));
        return b;
    }
}
