package dev.brisk.test.docs;

// tag::items-app[]
import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.HttpException;
import dev.brisk.Post;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public class ItemsApp {
    public record Item(@NotBlank String id, @NotBlank String title, String description) {}

    private static final String SECRET_TOKEN = "coneofsilence";

    private final Map<String, Item> db = new ConcurrentHashMap<>(Map.of(
            "foo", new Item("foo", "Foo", "There goes my hero"),
            "bar", new Item("bar", "Bar", "The bartenders")));

    @Get("/items/{itemId}")
    public Item read(String itemId, @Header String xToken) {
        checkToken(xToken);
        Item item = db.get(itemId);
        if (item == null) throw new HttpException(404, "Item not found");
        return item;
    }

    @Post("/items")
    public Item create(@Valid Item item, @Header String xToken) {
        checkToken(xToken);
        if (db.putIfAbsent(item.id(), item) != null) throw new HttpException(409, "Item already exists");
        return item;
    }

    private static void checkToken(String xToken) {
        if (!SECRET_TOKEN.equals(xToken)) throw new HttpException(400, "Invalid X-Token header");
    }

    public static App app() {
        return App.builder().include(new ItemsApp()).build();
    }
}
// end::items-app[]
