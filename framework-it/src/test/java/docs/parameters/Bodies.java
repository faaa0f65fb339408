package docs.parameters;

import dev.brisk.*;
import java.util.*;

public class Bodies {
    public record Item(String name, double price) {}
    public record User(String username) {}

    @Post("/orders")                                        // {"item": {...}, "user": {...}}
    public String order(Item item, User user, @Body int importance) {
        return user.username() + " ordered " + item.name() + " (" + importance + ")";
    }

    @Post("/users")                                         // {"user": {...}}
    public User create(@Body(embed = true) User user) {
        return user;
    }

    @Post("/login")                                         // application/x-www-form-urlencoded
    public String login(@Form String username, @Form String password) {
        return "hello " + username;
    }
}
