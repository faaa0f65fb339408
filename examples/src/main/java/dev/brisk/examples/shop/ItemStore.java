package dev.brisk.examples.shop;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory item table. */
public final class ItemStore {
    private final ConcurrentSkipListMap<Integer, Item> items = new ConcurrentSkipListMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** Stores a new item and returns it with its id. */
    public Item add(NewItem n) {
        int id = ids.incrementAndGet();
        var item = new Item(id, n.name(), n.price(), n.description(), n.tags());
        items.put(id, item);
        return item;
    }

    /** The item with this id. */
    public Optional<Item> find(int id) {
        return Optional.ofNullable(items.get(id));
    }

    /** Replaces an existing item. */
    public Optional<Item> replace(int id, NewItem n) {
        return Optional.ofNullable(items.computeIfPresent(id, (k, old) -> new Item(id, n.name(), n.price(), n.description(), n.tags())));
    }

    /** Removes an item; false if there was none. */
    public boolean remove(int id) {
        return items.remove(id) != null;
    }

    /** A page of items in id order, optionally filtered by a name substring. */
    public List<Item> page(int skip, int limit, Optional<String> q) {
        return items.values().stream()
                .filter(i -> q.map(s -> i.name().toLowerCase().contains(s.toLowerCase())).orElse(true))
                .skip(skip).limit(limit).toList();
    }
}
