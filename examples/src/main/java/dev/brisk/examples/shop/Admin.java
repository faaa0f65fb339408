package dev.brisk.examples.shop;

import dev.brisk.Delete;
import dev.brisk.Depends;
import dev.brisk.HttpException;
import dev.brisk.Put;
import dev.brisk.Responds;
import dev.brisk.Router;
import jakarta.validation.Valid;

/** Item changes; every route needs a valid {@code X-Token} header. */
@Router(prefix = "/admin/items", tags = "admin", dependencies = Sessions.AdminToken.class)
@Responds(status = 403, description = "Invalid X-Token header")
public class Admin {

    /** Replaces an item. */
    @Put("/{id}")
    @Responds(status = 404, description = "Item not found")
    public Item replace(int id, @Valid NewItem item, @Depends DbSession db) {
        return db.store().replace(id, item).orElseThrow(() -> new HttpException(404, "Item not found"));
    }

    /** Deletes an item. */
    @Delete("/{id}")
    @Responds(status = 404, description = "Item not found")
    public void delete(int id, @Depends DbSession db) {
        if (!db.store().remove(id)) throw new HttpException(404, "Item not found");
    }
}
