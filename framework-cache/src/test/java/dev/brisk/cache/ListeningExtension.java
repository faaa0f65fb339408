package dev.brisk.cache;

import dev.brisk.internal.dispatch.Call;
import dev.brisk.internal.dispatch.RequestListener;
import dev.brisk.internal.dispatch.WorkerPool;
import dev.brisk.internal.http.Reply;
import dev.brisk.internal.spi.Extension;
import dev.brisk.internal.spi.ExtensionContext;
import io.netty.util.concurrent.FastThreadLocalThread;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test extension (found by ServiceLoader) for apps titled {@code listening...}: records what its
 * request listener hears, as {@code event path thread-kind}, so a test sees where a request ran.
 */
public final class ListeningExtension implements Extension {
    /** Events per app title. */
    public static final Map<String, List<String>> EVENTS = new ConcurrentHashMap<>();

    @Override
    public void configure(ExtensionContext ctx) {
        String title = ctx.api().title();
        if (!title.startsWith("listening")) return;
        var events = EVENTS.computeIfAbsent(title, k -> new CopyOnWriteArrayList<>());
        ctx.requestListener(new RequestListener() {
            @Override
            public void started(Call call) {
                events.add("started " + call.request().rawPath() + " " + where());
            }

            @Override
            public void returned(Call call) {
                events.add("returned " + call.request().rawPath() + " " + where());
            }

            @Override
            public void completed(Call call, Reply reply) {
                events.add("completed " + call.request().rawPath() + " " + reply.status() + (call.startNanos() > 0 ? " timed" : " untimed"));
            }
        });
    }

    private static String where() {
        return WorkerPool.isWorkerThread() ? "worker" : Thread.currentThread() instanceof FastThreadLocalThread ? "loop" : Thread.currentThread().getName();
    }
}
