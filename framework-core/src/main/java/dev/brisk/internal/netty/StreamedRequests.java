package dev.brisk.internal.netty;

import dev.brisk.internal.http.BodyRejected;
import dev.brisk.internal.http.RequestView;
import dev.brisk.internal.http.StreamedBody;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * Feeds a request body to the {@link StreamedBody} the dispatcher chose for it, instead of
 * aggregating it: the limit, pauses while the consumer is busy (reading stops, so a fast client
 * cannot outrun the disk), refusals (413, 400) mid-body, and the dispatch once the consumer is done
 * (the request keeps its place in the reply order meanwhile). Event loop only.
 */
final class StreamedRequests {
    private StreamedRequests() {
    }

    static void content(HttpConnection conn, HttpContent c) {
        StreamedBody sb = conn.streamedBody();
        var data = c.content();
        int n = data.readableBytes();
        if (n > 0) {
            if (!conn.countStreamed(n)) {
                c.release();
                conn.refuseStreamed(413, "Request Entity Too Large");
                return;
            }
            CompletionStage<?> wait;
            try {
                wait = sb.data(data.retain());
            } catch (BodyRejected e) {
                c.release();
                conn.refuseStreamed(e.status(), e.getMessage());
                return;
            } catch (RuntimeException e) {
                c.release();
                conn.refuseStreamed(500, "Internal Server Error");
                return;
            }
            if (wait != null && !wait.toCompletableFuture().isDone()) {
                conn.pauseBody();
                wait.whenComplete((v, t) -> onLoop(conn, () -> {
                    conn.resumeBody();
                    if (t != null && conn.streamedBody() == sb) {
                        var r = rejection(t);
                        conn.refuseStreamed(r.status(), r.getMessage());
                    }
                }, sb));
            }
        }
        c.release();
        if (!(c instanceof LastHttpContent)) return;
        var req = new RequestView(conn.info(), conn.headInProgress(), Unpooled.EMPTY_BUFFER).streamed(sb);
        var slot = conn.streamedComplete(req);
        CompletionStage<?> done;
        try {
            done = sb.end();
        } catch (RuntimeException e) {
            var r = rejection(e);
            conn.dispatcher().refuse(req, r.status(), r.getMessage(), slot);
            return;
        }
        done.whenComplete((v, t) -> onLoop(conn, () -> {
            if (conn.dropped(slot)) {
                sb.abort();
                return;
            }
            if (t != null) {
                var r = rejection(t);
                conn.dispatcher().refuse(req, r.status(), r.getMessage(), slot);
                return;
            }
            conn.dispatcher().dispatch(req, slot);
        }, sb));
    }

    private static BodyRejected rejection(Throwable t) {
        if (t instanceof BodyRejected b) return b;
        if (t.getCause() instanceof BodyRejected b) return b;
        return new BodyRejected(500, "Internal Server Error");
    }

    private static void onLoop(HttpConnection conn, Runnable r, StreamedBody sb) {
        var loop = conn.context().executor();
        if (loop.inEventLoop()) {
            r.run();
            return;
        }
        try {
            loop.execute(r);
        } catch (RejectedExecutionException e) {
            sb.abort();   // the server is gone: at least leave no temporary files
        }
    }
}
