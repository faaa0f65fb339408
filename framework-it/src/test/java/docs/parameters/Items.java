package docs.parameters;

import dev.brisk.*;
import java.util.*;

public class Items {
    public record Item(String name, double price, Optional<String> description, List<String> tags) {}

    @Get("/items/{id}")
    public Map<String, Object> read(int id,                 // in the path template: path parameter
                                    Optional<String> q,     // simple type: optional query parameter
                                    boolean shortView,      // required query parameter: ?shortView=yes
                                    List<String> tag) {     // repeated query key: ?tag=a&tag=b
        return Map.of("id", id, "q", q.orElse(""), "short", shortView, "tags", tag);
    }

    @Put("/items/{id}")
    public Item update(int id, Item item) {                 // a record: the JSON body
        return item;
    }
}
