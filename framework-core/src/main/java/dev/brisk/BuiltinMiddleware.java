package dev.brisk;

import dev.brisk.internal.dispatch.Filter;

/**
 * Brisk's own middleware (CORS, GZip, ...): public classes in this package that the chain runs as
 * synchronous {@link Filter}s, without the futures a user {@link Middleware} needs, wherever they are
 * registered ({@link App.Builder#middleware}, or {@link UseMiddleware} with a provided instance). Not public API.
 */
interface BuiltinMiddleware extends Middleware, Filter.Source {
    /** The filter that does the work. */
    @Override
    Filter filter();

    /** Built-in middleware run only inside Brisk's chain, where {@link #filter()} is used. */
    @Override
    default java.util.concurrent.CompletionStage<Response> handle(Request request, Next next) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " runs inside Brisk's middleware chain; register it with App.Builder.middleware(...)");
    }
}
