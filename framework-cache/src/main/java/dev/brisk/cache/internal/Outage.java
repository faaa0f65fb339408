package dev.brisk.cache.internal;

import org.slf4j.Logger;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs a backend's failures without flooding the log: one WARN when it becomes unavailable, then at
 * most one a minute while it stays so (with how many requests went without it), and one INFO when
 * it is back. A success costs one volatile read while all is well.
 */
final class Outage {
    static final long REPEAT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Logger log;
    private final String what;
    private volatile boolean down;
    private final AtomicLong missed = new AtomicLong();
    private long lastWarn;

    Outage(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    boolean down() {
        return down;
    }

    /** A request went without the backend because of {@code cause}. */
    void failure(Throwable cause) {
        missed.incrementAndGet();
        long now = System.nanoTime();
        synchronized (this) {
            if (!down) {
                down = true;
                lastWarn = now;
                log.warn("Cache: {} is unavailable ({}); cached routes are computed and answered without it until it is back",
                        what, reason(cause));
            } else if (now - lastWarn >= REPEAT_NANOS) {
                lastWarn = now;
                log.warn("Cache: {} is still unavailable ({}); {} requests went without it so far", what, reason(cause), missed.get());
            }
        }
    }

    /** The backend answered. */
    void success() {
        if (!down) return;
        synchronized (this) {
            if (!down) return;
            down = false;
            log.info("Cache: {} is available again; caching resumed ({} requests went without it)", what, missed.getAndSet(0));
        }
    }

    /** The exception's class and message, without causes (they may name internals, never secrets: Lettuce redacts passwords). */
    static String reason(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
