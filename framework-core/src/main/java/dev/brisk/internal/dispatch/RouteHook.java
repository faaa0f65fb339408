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

    /**
     * Whether {@link #onLoop} may answer this route's requests as soon as they arrive, on the event
     * loop. Asked once, at startup; the endpoint uses it only when every hook of the route says so, and
     * the route has no middleware, no dependency and reads nothing but path, query, header and cookie
     * values (so binding them cannot block).
     */
    default boolean answersOnLoop() {
        return false;
    }

    /**
     * On the event loop, before the route runs (before a worker takes a plain route's request):
     * parameters are bound, not yet validated. Returns a reply to answer with at once, or null to run
     * the route as usual from the start (this call is then dropped: {@link #afterMatch} and
     * {@link #beforeInvoke} see a fresh one). A reply is sent only if the arguments then prove valid;
     * otherwise it is discarded and the route runs as usual. Must not block.
     */
    default Reply onLoop(Call call, Object[] args) {
        return null;
    }

    /** The route's reply (the handler's, an error's, or an early answer of a later hook) on its way out. */
    default Reply afterResponse(Call call, Reply reply) {
        return reply;
    }
}
