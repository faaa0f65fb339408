package dev.brisk;

import dev.brisk.internal.dispatch.BlockingMiddleware;

import java.util.concurrent.CompletionStage;

/**
 * Code around requests: it sees the request, may answer it itself, passes it on with
 * {@link Next#proceed()}, and may change the response on the way out.
 *
 * <pre>{@code
 * Middleware timing = (request, next) -> {
 *     long start = System.nanoTime();
 *     return next.proceed().thenApply(response ->
 *             response.setHeader("X-Process-Time", String.valueOf((System.nanoTime() - start) / 1000)));
 * };
 * App.builder().middleware(timing)...
 * }</pre>
 *
 * <p>Register it for every request with {@link App.Builder#middleware(Middleware...)}, or for a
 * router's or a route's requests with {@link UseMiddleware}. The app's middleware run outermost, in
 * registration order (the first registered sees the request first and the response last), then the
 * router's, then the route's. App middleware also see the answers that have no route: 404, 405, 413
 * and 503; and every middleware sees error answers (422, 500, {@link HttpException}s) as responses,
 * never as exceptions, so headers it adds (CORS, request ids) are on those too. An exception thrown
 * by a middleware itself is answered like a handler's (exception handlers, {@link HttpException},
 * else 500) and passes through the middleware outside it.
 *
 * <p>Threads: a middleware runs on the thread of the request's route: a worker for plain handlers,
 * the event loop for future-returning ones and for answers without a route. So it must not block;
 * {@code proceed()} never blocks either, it returns a stage that completes with the response. For
 * blocking code (a database lookup, say), use {@link #blocking(BlockingHandler)}.
 *
 * <p>On the way out the response's body is already encoded: {@link Response#body()} gives its
 * bytes ({@code byte[]}; null when empty or streamed); setting a body replaces it.
 */
@FunctionalInterface
public interface Middleware {
    /**
     * Handles one request: call {@code next.proceed()} (at most once) and return its stage, maybe
     * transformed, or return a response of your own without calling it.
     */
    CompletionStage<Response> handle(Request request, Next next) throws Exception;

    /** The rest of the chain: inner middleware and the route. */
    interface Next {
        /** Runs the rest; the stage completes with its response (errors included as responses). Never blocks. */
        CompletionStage<Response> proceed();
    }

    /** A middleware in blocking style; see {@link #blocking(BlockingHandler)}. */
    @FunctionalInterface
    interface BlockingHandler {
        /** Handles one request on a worker thread; {@code next.proceed()} waits for the rest of the chain. */
        Response handle(Request request, BlockingNext next) throws Exception;
    }

    /** The rest of the chain, for a {@link BlockingHandler}. */
    interface BlockingNext {
        /** Runs the rest (inner middleware and the route, on their own threads) and waits for its response. */
        Response proceed() throws InterruptedException;
    }

    /**
     * A middleware written as blocking code. It runs on a worker thread: for plain handlers on the
     * handler's worker; for event-loop routes it is handed to a worker (a 503 when the pool is full)
     * while the route itself still runs on the event loop.
     */
    static Middleware blocking(BlockingHandler handler) {
        return new BlockingMiddleware(handler);
    }
}
