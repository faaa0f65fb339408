package dev.brisk.internal.dispatch;

import dev.brisk.Response;
import dev.brisk.internal.http.Replies;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.http.ReplySink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A {@link BlockingMiddleware} in a route's chain: runs on a worker; the rest of the chain keeps its own thread kind. */
final class BlockingStep {
    private final BlockingMiddleware middleware;
    private final String name;

    BlockingStep(BlockingMiddleware middleware) {
        this.middleware = middleware;
        this.name = "middleware " + middleware.handler().getClass().getName();
    }

    void run(Call c, Route r, int index, ReplySink out, Dispatch d) {
        if (!r.async() && !c.onLoop()) {
            runHere(c, r, index, out, d);   // a worker route's chain is on its worker already
        } else if (!d.workers().tryExecute(() -> runHere(c, r, index, out, d))) {
            var busy = Replies.detail(c.request().connection().alloc(), 503, "Service Unavailable");
            busy.addHeader("retry-after", "1");
            out.reply(busy);
        }
    }

    private void runHere(Call c, Route r, int index, ReplySink out, Dispatch d) {
        Reply[] inner = new Reply[1];
        boolean[] called = new boolean[1];
        Reply reply;
        try {
            Response res = middleware.handler().handle(c.request(), () -> {
                if (called[0]) throw new IllegalStateException("next.proceed() may be called once per request");
                called[0] = true;
                var f = new CompletableFuture<Reply>();
                d.continueChain(c, r, index + 1, f::complete);
                try {
                    inner[0] = f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                return ResponseBridge.toResponse(inner[0]);
            });
            if (res == null) throw new NullPointerException(name + " returned null");
            reply = ResponseBridge.toReply(c, res, inner[0], d.results());
        } catch (Throwable t) {
            if (inner[0] != null) inner[0].discard();
            reply = d.errors().map(c, t, name);
        }
        out.reply(reply);
    }
}
