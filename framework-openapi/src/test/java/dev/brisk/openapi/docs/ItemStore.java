package dev.brisk.openapi.docs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory store for the docs' examples. */
public final class ItemStore {
    private final Map<Integer, Item> items = new ConcurrentSkipListMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public Optional<Item> find(int id) {
        return Optional.ofNullable(items.get(id));
    }

    public List<Item> list(int skip, int limit, Optional<String> q) {
        return items.values().stream().filter(i -> q.map(i.name()::contains).orElse(true)).skip(skip).limit(limit).toList();
    }

    public Item add(NewItem item) {
        int id = ids.incrementAndGet();
        var created = new Item(id, item.name(), item.price(), Optional.ofNullable(item.description()));
        items.put(id, created);
        return created;
    }

    public void remove(int id) {
        items.remove(id);
    }

    public long count() {
        return items.size();
    }
}
