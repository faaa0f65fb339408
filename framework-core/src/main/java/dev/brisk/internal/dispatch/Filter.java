package dev.brisk.internal.dispatch;

import dev.brisk.internal.http.Reply;

/**
 * A middleware step of Brisk's own (CORS, GZip, ...): synchronous work before and after the rest of
 * the chain, without futures, so a chain of filters costs a few calls per request. It runs on the
 * thread of the request's route (worker or event loop), so it must not block.
 */
public interface Filter {
    /** Before the rest of the chain: null to go on, or the reply to answer with at once (the rest is skipped). */
    default Reply before(Call call) throws Exception {
        return null;
    }

    /** On the way out (also for early answers and error replies of inner steps): the reply to pass on. */
    default Reply after(Call call, Reply reply) throws Exception {
        return reply;
    }

    /**
     * A middleware object that runs as a filter (Brisk's built-in middleware): the chain runs its
     * {@link #filter()} wherever it is registered, app-wide or with {@code @UseMiddleware}.
     */
    interface Source {
        /** The filter that does the work; may be called more than once, each result behaves the same. */
        Filter filter();
    }
}
