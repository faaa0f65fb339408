package dev.brisk.bench;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Query;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The CPU-bound routes of {@code examples/.../bench/BenchApp} (the side-by-side benchmark app), copied
 * here so that this module depends on brisk-core only. Keep the two in step: same signatures, same
 * records, same constraints. The sleep routes are left out: they measure waiting, not the request path.
 * {@code /search} is extra (not in the side-by-side app): query parameters with constraints, FastAPI's
 * {@code Query(ge=..., le=..., min_length=...)}.
 */
public final class BenchRoutes {
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

    @Get("/search")
    public CompletableFuture<ItemQuery> search(@Query @Min(0) int skip, @Query @Max(100) int limit, @Query @Size(min = 3) String q) {
        return CompletableFuture.completedFuture(new ItemQuery(skip + limit, q));
    }

    @Post(value = "/items", status = 201)
    public CompletableFuture<Item> create(NewItem item) {
        return CompletableFuture.completedFuture(new Item(1, item.name(), item.price()));
    }

    /** The app, as {@code BenchApp.app()} builds it. */
    public static App app() {
        return builder().build();
    }

    /** The app's builder, for variants (ObservabilityBenchmark). */
    public static App.Builder builder() {
        return App.builder().title("Bench").include(new BenchRoutes()).docs(false);
    }
}
