package dev.brisk.internal.http;

import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Fired once when an app stops serving: its server is shutting down, or dev mode replaces this
 * generation of it with a new one. What outlives a request's reply subscribes here and ends itself,
 * so that draining never waits for it: a stream (SSE, chunks) completes, a WebSocket closes with
 * {@link Reason#webSocketCloseCode()} (1001 on shutdown, 1012 "service restart" on reload).
 * Subscribers run on the thread that fires, once; one that subscribes after the signal runs at once.
 */
public final class StopSignal {
    /** Why the app stops. */
    public enum Reason {
        /** The server is closing (SIGTERM, {@code Server.close()}). */
        SHUTDOWN(1001),
        /** Dev mode swapped in a new generation of the app: clients may reconnect at once. */
        RELOAD(1012);

        private final int closeCode;

        Reason(int closeCode) {
            this.closeCode = closeCode;
        }

        /** The WebSocket close code for this reason (RFC 6455 section 7.4.1; 1012 from the IANA registry). */
        public int webSocketCloseCode() {
            return closeCode;
        }
    }

    /** A subscription; closing it unsubscribes (idempotent). */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final Set<Entry> subscribers = ConcurrentHashMap.newKeySet();
    private volatile Reason fired;

    private final class Entry implements Subscription {
        final Consumer<Reason> listener;

        Entry(Consumer<Reason> listener) {
            this.listener = listener;
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }

    /** Calls {@code listener} when the signal fires (at once if it has). */
    public Subscription subscribe(Consumer<Reason> listener) {
        var e = new Entry(listener);
        subscribers.add(e);
        var r = fired;
        if (r != null && subscribers.remove(e)) notify(e, r);
        return e;
    }

    /** Fires the signal; only the first call has an effect. */
    public void fire(Reason reason) {
        synchronized (this) {
            if (fired != null) return;
            fired = reason;
        }
        for (var e : subscribers) {
            if (subscribers.remove(e)) notify(e, reason);
        }
    }

    /** The reason, once fired. */
    public Optional<Reason> reason() {
        return Optional.ofNullable(fired);
    }

    /** Number of subscribers still waiting (tests). */
    public int subscribers() {
        return subscribers.size();
    }

    private static void notify(Entry e, Reason r) {
        try {
            e.listener.accept(r);
        } catch (RuntimeException ex) {
            LoggerFactory.getLogger("dev.brisk").warn("A stop-signal subscriber failed", ex);
        }
    }
}
