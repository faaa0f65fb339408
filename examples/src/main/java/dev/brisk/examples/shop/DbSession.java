package dev.brisk.examples.shop;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for a database session: opened per request by {@link Sessions#session}, closed by
 * Brisk after the response has been sent.
 */
public final class DbSession implements AutoCloseable {
    /** Sessions currently open (the tests check every one gets closed). */
    public static final AtomicInteger OPEN = new AtomicInteger();

    private final ItemStore store;
    private volatile boolean closed;

    DbSession(ItemStore store) {
        this.store = store;
        OPEN.incrementAndGet();
    }

    /** The store, while the session is open. */
    public ItemStore store() {
        if (closed) throw new IllegalStateException("session closed");
        return store;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            OPEN.decrementAndGet();
        }
    }
}
