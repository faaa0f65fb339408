package dev.brisk.openapi.docs;

import dev.brisk.Delete;
import dev.brisk.Get;
import dev.brisk.Post;
import dev.brisk.Query;
import dev.brisk.Router;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;
import java.util.Map;
import java.util.Optional;

// tag::items[]
@Router(prefix = "/items", tags = "items")
public class Items {
    private final ItemStore store;

    public Items(ItemStore store) {
        this.store = store;
    }

    @Get(value = "/{id}", summary = "Read one item", description = "Answers 404 when there is no such item.")
    public Optional<Item> read(int id) {
        return store.find(id);
    }

    @Get
    public List<Item> list(@Query(defaultValue = "0") @Min(0) int skip,
                           @Query(defaultValue = "10") @Max(100) int limit,
                           Optional<String> q) {
        return store.list(skip, limit, q);
    }

    @Post(status = 201)
    public Item create(@Valid NewItem item) {
        return store.add(item);
    }

    @Delete(value = "/{id}", operationId = "removeItem")
    public void delete(int id) {
        store.remove(id);
    }

    @Get(value = "/stats", hidden = true)
    public Map<String, Long> stats() {
        return Map.of("items", store.count());
    }
}
// end::items[]
