package dev.brisk.cache.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-flight: the misses of one key in progress in this app. The first miss registers a flight
 * and runs the handler; the others wait on its outcome (a future, so no thread blocks on the
 * event loop). A flight is removed once its entry is in the backend, so a request arriving in the
 * meantime still finds the answer here instead of missing again.
 */
final class Flights {
    /** What the first request's response means for the ones waiting on it. */
    sealed interface Outcome permits Stored, Shared, Compute {
    }

    /** The response was stored (or could have been): answer from it. */
    record Stored(Entry entry, boolean bypassed) implements Outcome {
    }

    /** A response that is not stored but is the same for every request of the key (an error): answer with a copy. */
    record Shared(Snapshot snapshot) implements Outcome {
    }

    /** The response is this request's alone (a cookie, private, a stream): each waiter runs the handler itself. */
    enum Compute implements Outcome { INSTANCE }

    static final class Flight {
        final CompletableFuture<Outcome> done = new CompletableFuture<>();
    }

    private final ConcurrentHashMap<String, Flight> running = new ConcurrentHashMap<>();

    Flight get(String key) {
        return running.get(key);
    }

    /** Registers {@code mine} unless a flight for {@code key} exists; returns the existing one, or null when {@code mine} leads. */
    Flight lead(String key, Flight mine) {
        return running.putIfAbsent(key, mine);
    }

    void remove(String key, Flight f) {
        running.remove(key, f);
    }

    int size() {
        return running.size();
    }
}
