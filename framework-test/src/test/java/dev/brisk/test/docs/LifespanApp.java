package dev.brisk.test.docs;

// tag::lifespan-app[]
import dev.brisk.Get;
import dev.brisk.HttpException;
import dev.brisk.OnShutdown;
import dev.brisk.OnStartup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public class LifespanApp {
    final Map<String, String> items = new ConcurrentHashMap<>();

    @OnStartup
    public void load() {
        items.put("foo", "Fighters");    // e.g. warm a cache or open a pool
    }

    @OnShutdown
    public void unload() {
        items.clear();
    }

    @Get("/items/{id}")
    public String read(String id) {
        String item = items.get(id);
        if (item == null) throw new HttpException(404, "Item not found");
        return item;
    }
}
// end::lifespan-app[]
