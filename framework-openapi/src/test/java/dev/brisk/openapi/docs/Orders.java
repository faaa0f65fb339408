package dev.brisk.openapi.docs;

import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.Post;
import dev.brisk.Responds;
import dev.brisk.Router;

// tag::orders[]
@Router(prefix = "/orders", tags = "orders")
@Responds(status = 401, description = "Not signed in")          // every route of the router
public class Orders {
    public record Order(int id, String note) {}
    public record Conflict(String reason, int existingId) {}

    @Get("/{id}")
    @Responds(status = 404, description = "No such order")      // body: {"detail": ...}
    public Order read(int id) {
        throw new HttpException(404, "No such order");
    }

    @Post(status = 201)
    @Responds(status = 409, description = "Already placed", model = Conflict.class)
    public Order place(Order order) {
        return order;
    }
}
// end::orders[]
