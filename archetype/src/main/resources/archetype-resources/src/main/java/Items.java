package ${package};

import dev.brisk.*;
import jakarta.validation.constraints.*;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The app's routes: a small items store. */
@Router(prefix = "/items", tags = "items")
public class Items {
    public record Item(int id, String name, double price) {}
    public record NewItem(@NotBlank @Size(max = 100) String name, @Positive double price) {}

    private final Map<Integer, Item> store = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Get("/{id}")                          // GET /items/abc -> 422, GET /items/99 -> 404
    public Item read(int id) {
        var item = store.get(id);
        if (item == null) throw new HttpException(404, "Item not found");
        return item;
    }

    @Get                                   // GET /items?limit=5
    public List<Item> list(@Query(defaultValue = "10") @Min(1) @Max(100) int limit) {
        return store.values().stream().sorted(Comparator.comparingInt(Item::id)).limit(limit).toList();
    }

    @Post(status = 201)                    // a record parameter is the JSON body, validated
    public Item create(NewItem item) {
        var created = new Item(ids.incrementAndGet(), item.name(), item.price());
        store.put(created.id(), created);
        return created;
    }
}
