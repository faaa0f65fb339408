package dev.brisk.examples.tour;

import java.util.ArrayDeque;
import java.util.List;

/** What the background tasks did, newest last; bounded so that clients cannot grow it without limit. */
public final class TaskLog {
    static final int MAX_ENTRIES = 1000;
    private final ArrayDeque<String> entries = new ArrayDeque<>();

    public synchronized void append(String entry) {
        if (entries.size() == MAX_ENTRIES) entries.removeFirst();
        entries.addLast(entry);
    }

    public synchronized List<String> entries() {
        return List.copyOf(entries);
    }
}
