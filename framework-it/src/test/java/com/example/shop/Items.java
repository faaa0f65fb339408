package com.example.shop;

import dev.brisk.*;
import jakarta.validation.constraints.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;

@Router(prefix = "/items", tags = "items")
public class Items {
    public record Item(int id, String name, double price) {}
    public record NewItem(@NotBlank String name, @Positive double price) {}

    private final Map<Integer, Item> store = new ConcurrentHashMap<>();

    @Get("/{id}")                        // a plain method runs on the worker pool
    @Responds(status = 404, description = "Item not found")   // in the OpenAPI document
    public Item read(int id) {           // GET /items/abc -> 422 int_parsing
        var item = store.get(id);
        if (item == null) throw new HttpException(404, "Item not found");
        return item;
    }

    @Get                                 // simple types not in the path are query parameters
    public List<Item> list(@Query(defaultValue = "10") @Max(100) int limit) {
        return store.values().stream().limit(limit).toList();
    }

    @Post(status = 201)                  // a record is the JSON body, validated
    public Item create(NewItem item) {
        var created = new Item(store.size() + 1, item.name(), item.price());
        store.put(created.id(), created);
        return created;
    }

    @Get("/{id}/later")                  // a future runs on the event loop: never block here
    public CompletableFuture<Item> later(int id) {
        return Async.sleep(Duration.ofMillis(10)).thenApply(v -> read(id));
    }

    public static void main(String[] args) {
        App.builder().title("Shop").include(new Items()).build().run(8000);
    }
}
