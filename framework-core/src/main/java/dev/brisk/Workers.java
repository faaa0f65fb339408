package dev.brisk;

/**
 * How plain (non-future) handlers are run. Choose with {@link App.Builder#workers(Workers)}.
 *
 * <p>The default, {@link #auto()}, uses virtual threads on Java 21 and later (limited to 10,000
 * handlers at once) and a pool of 200 platform threads with a queue of 1,000 on Java 17–20. When
 * the limit (and queue) is full, new requests get 503 with {@code Retry-After} at once.
 */
public final class Workers {
    /** The kind of threads. */
    public enum Kind {
        /** A fixed pool of platform threads with a bounded queue. */
        PLATFORM,
        /** One virtual thread per request, with a concurrency limit (Java 21+). */
        VIRTUAL
    }

    private final Kind kind;
    private final int threads;
    private final int queue;

    private Workers(Kind kind, int threads, int queue) {
        if (threads < 1) throw new IllegalArgumentException("threads/limit must be >= 1: " + threads);
        if (queue < 0) throw new IllegalArgumentException("queue must be >= 0: " + queue);
        this.kind = kind;
        this.threads = threads;
        this.queue = queue;
    }

    /** A fixed pool of {@code threads} platform threads and at most {@code queue} waiting requests. */
    public static Workers platform(int threads, int queue) {
        return new Workers(Kind.PLATFORM, threads, queue);
    }

    /**
     * A virtual thread per request, at most {@code maxConcurrent} at once; fails at startup on Java
     * versions without virtual threads.
     */
    public static Workers virtual(int maxConcurrent) {
        return new Workers(Kind.VIRTUAL, maxConcurrent, 0);
    }

    /** Virtual threads (limit 10,000) on Java 21+, else {@code platform(200, 1000)}. */
    public static Workers auto() {
        return Runtime.version().feature() >= 21 ? virtual(10_000) : platform(200, 1000);
    }

    /** The kind of threads. */
    public Kind kind() {
        return kind;
    }

    /** Pool size (platform) or concurrency limit (virtual). */
    public int threads() {
        return threads;
    }

    /** Queue capacity (platform only). */
    public int queue() {
        return queue;
    }

    @Override
    public String toString() {
        return kind == Kind.PLATFORM ? "platform(" + threads + ", " + queue + ")" : "virtual(" + threads + ")";
    }
}
