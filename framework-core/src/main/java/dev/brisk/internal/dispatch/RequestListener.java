package dev.brisk.internal.dispatch;

import dev.brisk.internal.http.Reply;

/**
 * Sees every request the dispatcher handles, matched or not (404, 405, 413, 503 included): for
 * metrics, tracing, access logs and the blocking detector. Listeners must be cheap and must not throw.
 */
public interface RequestListener {
    /** On the thread that is about to run the request's chain (a worker or the event loop), right before. */
    default void started(Call call) {
    }

    /** On that thread, once the synchronous part of the chain has returned (the reply may come later). */
    default void returned(Call call) {
    }

    /** The final reply is about to go to the transport; {@code call.startNanos()} says when the request arrived. */
    default void completed(Call call, Reply reply) {
    }

    /** Whether this listener reads {@link Call#startNanos()} (else the clock is not read for it). */
    default boolean needsTiming() {
        return true;
    }
}
