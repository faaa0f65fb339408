package dev.brisk.internal.dispatch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Provider overrides (tests); a single volatile read per dependency when none are set. */
public final class Overrides {
    private volatile Map<String, Supplier<?>> map;

    private static String key(Class<?> type, String qualifier) {
        return type.getName() + "#" + qualifier;
    }

    public synchronized void put(Class<?> type, String qualifier, Supplier<?> supplier) {
        var m = map == null ? new ConcurrentHashMap<String, Supplier<?>>() : new ConcurrentHashMap<>(map);
        m.put(key(type, qualifier), supplier);
        map = m;
    }

    public synchronized Supplier<?> remove(Class<?> type, String qualifier) {
        if (map == null) return null;
        var m = new ConcurrentHashMap<>(map);
        var old = m.remove(key(type, qualifier));
        map = m.isEmpty() ? null : m;
        return old;
    }

    /** The override for a provider, or null; a single volatile read when there are none. */
    public Supplier<?> get(Class<?> type, String qualifier) {
        var m = map;
        return m == null ? null : m.get(key(type, qualifier));
    }

    public synchronized void clear() {
        map = null;
    }
}
