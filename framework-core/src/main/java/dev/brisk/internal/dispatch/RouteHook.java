package dev.brisk.internal.dispatch;

import dev.brisk.internal.http.Reply;

/**
 * An extension's work on one route (chosen at startup by the route's annotations, e.g. caching).
 * {@link #afterMatch} and {@link #beforeInvoke} return null to go on, a {@link Reply} to answer
 * with instead of the handler, or a {@code CompletionStage<Reply>} for an answer that needs I/O
 * (a null result then means go on); event-loop routes continue on their loop.
 */
public interface RouteHook {
    /** The route matched; nothing is bound yet. */
    default Object afterMatch(Call call) {
        return null;
    }

    /** Parameters are bound and valid; the handler is next. {@code args} are the handler's arguments (do not change them). */
    default Object beforeInvoke(Call call, Object[] args) {
        return null;
    }

    /** The route's reply (the handler's, an error's, or an early answer of a later hook) on its way out. */
    default Reply afterResponse(Call call, Reply reply) {
        return reply;
    }
}
