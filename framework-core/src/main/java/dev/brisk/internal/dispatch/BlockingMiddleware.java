package dev.brisk.internal.dispatch;

import dev.brisk.Async;
import dev.brisk.Middleware;
import dev.brisk.Request;
import dev.brisk.Response;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * What {@link Middleware#blocking} returns. In a Brisk chain it runs as a {@link BlockingStep}: on
 * the route's worker, or handed to one; called directly as a {@code Middleware}, it offloads itself.
 */
public final class BlockingMiddleware implements Middleware {
    private final BlockingHandler handler;

    public BlockingMiddleware(BlockingHandler handler) {
        this.handler = java.util.Objects.requireNonNull(handler, "handler");
    }

    BlockingHandler handler() {
        return handler;
    }

    @Override
    public CompletionStage<Response> handle(Request request, Next next) {
        return Async.offload(() -> handler.handle(request, () -> {
            try {
                return next.proceed().toCompletableFuture().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }));
    }

    @Override
    public String toString() {
        return "Middleware.blocking(" + handler.getClass().getName() + ")";
    }
}
