package dev.brisk.observability;

import dev.brisk.Async;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Post;
import dev.brisk.Router;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The routes the observability tests call: worker and event-loop routes, a validated body, a failure. */
@Router(prefix = "/items")
public class ShopRoutes {
    public record Item(int id, String name) {}
    public record NewItem(@NotBlank String name, @Positive double price) {}

    @Get("/{id}")
    public Item read(int id) {
        if (id == 0) throw new HttpException(404, "Item not found");
        return new Item(id, "item " + id);
    }

    @Get("/{id}/later")
    public CompletableFuture<Item> later(int id) {
        return Async.sleep(Duration.ofMillis(1)).thenApply(v -> new Item(id, "later"));
    }

    @Post(status = 201)
    public Item create(NewItem item) {
        return new Item(1, item.name());
    }

    @Get("/broken")
    public Item broken() {
        throw new IllegalStateException("the handler failed");
    }
}
