package dev.brisk.examples.shop;

import dev.brisk.Delete;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Post;
import dev.brisk.Put;
import dev.brisk.Query;
import dev.brisk.Responds;
import dev.brisk.Router;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;
import java.util.Optional;

/** Public item routes. */
@Router(prefix = "/items", tags = "items")
public class Items {

    /** Lists items, a page at a time. */
    @Get
    public List<Item> list(@Query(defaultValue = "0") @Min(0) int skip,
                           @Query(defaultValue = "10") @Min(1) @Max(100) int limit,
                           Optional<String> q,
                           @Depends DbSession db) {
        return db.store().page(skip, limit, q);
    }

    /** Reads one item. */
    @Get("/{id}")
    @Responds(status = 404, description = "Item not found")
    public Item read(int id, @Depends DbSession db) {
        return db.store().find(id).orElseThrow(() -> new HttpException(404, "Item not found"));
    }

    /** Creates an item. */
    @Post(status = 201)
    public Item create(@Valid NewItem item, @Depends DbSession db) {
        return db.store().add(item);
    }
}
