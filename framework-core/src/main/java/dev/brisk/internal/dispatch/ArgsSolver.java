package dev.brisk.internal.dispatch;

import dev.brisk.internal.dispatch.Binders.ArgBinder;


import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Runs a list of binders. Synchronous unless an async provider is not done yet: then a worker
 * thread simply waits, and an event-loop route continues on its loop when the value arrives.
 */
final class ArgsSolver {
    private ArgsSolver() {
    }

    /** Returns {@code Object[]} or a {@code CompletableFuture<Object[]>}. */
    private static final Object[] NO_ARGS = new Object[0];

    static Object solve(ArgBinder[] binders, int argCount, Call ex, boolean canBlock) throws Throwable {
        if (argCount == 0 && binders.length == 0) return NO_ARGS;
        return run(binders, new Object[argCount], 0, ex, canBlock, null);
    }

    private static Object run(ArgBinder[] bs, Object[] args, int start, Call ex, boolean canBlock,
                              CompletableFuture<Object[]> promise) throws Throwable {
        for (int i = start; i < bs.length; i++) {
            Object v;
            try {
                v = bs[i].bind(ex);
                if (v instanceof Pending p) {
                    if (canBlock) {
                        v = join(p.future());
                    } else {
                        var pr = promise != null ? promise : new CompletableFuture<Object[]>();
                        final int idx = i;
                        p.future().whenComplete((val, err) -> ex.request().connection().loop().execute(() -> {
                            if (err != null) {
                                pr.completeExceptionally(unwrap(err));
                                return;
                            }
                            args[bs[idx].index] = val;
                            try {
                                run(bs, args, idx + 1, ex, false, pr);
                            } catch (Throwable t) {
                                pr.completeExceptionally(t);
                            }
                        }));
                        return pr;
                    }
                }
            } catch (Throwable t) {
                if (promise != null) {
                    promise.completeExceptionally(t);
                    return promise;
                }
                throw t;
            }
            args[bs[i].index] = v;
        }
        if (promise != null) {
            promise.complete(args);
            return promise;
        }
        return args;
    }

    static Object join(CompletableFuture<?> f) throws Throwable {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        return t;
    }
}
