package dev.brisk.internal.dispatch;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reports event loops held longer than a threshold. Each loop stamps a heartbeat from a timer task;
 * a watchdog thread notices a stale heartbeat, captures the loop thread's stack and logs one warning
 * per stall. The request path pays one field write per event-loop route ({@link #enter}).
 */
public final class BlockingDetector {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk.blocking");

    private final long thresholdNanos;
    private final long periodNanos;
    private final List<LoopState> loops = new CopyOnWriteArrayList<>();
    private static final FastThreadLocal<LoopState> CURRENT = new FastThreadLocal<>();
    private volatile boolean running;
    private Thread watchdog;
    /** Receives each warning too (tests). */
    public volatile Consumer<String> listener;

    static final class LoopState {
        final Thread thread;
        volatile long lastTick = System.nanoTime();
        volatile String route;
        long reportedTick = -1;

        LoopState(Thread thread) {
            this.thread = thread;
        }
    }

    public BlockingDetector(Duration threshold) {
        this.thresholdNanos = threshold.toNanos();
        this.periodNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(5), thresholdNanos / 2);
    }

    public boolean enabled() {
        return thresholdNanos > 0;
    }

    /** Starts watching the given loops. */
    public void start(Iterable<? extends EventLoop> eventLoops) {
        if (!enabled()) return;
        running = true;
        for (EventLoop loop : eventLoops) {
            loop.execute(() -> {
                var state = new LoopState(Thread.currentThread());
                CURRENT.set(state);
                loops.add(state);
                loop.scheduleAtFixedRate(() -> state.lastTick = System.nanoTime(), periodNanos, periodNanos, TimeUnit.NANOSECONDS);
            });
        }
        watchdog = new Thread(this::watch, "brisk-blocking-detector");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    public void stop() {
        running = false;
        if (watchdog != null) watchdog.interrupt();
    }

    /** Marks the route now running on this loop (named in a warning). */
    static void enter(String route) {
        LoopState s = CURRENT.getIfExists();
        if (s != null) s.route = route;
    }


    private void watch() {
        while (running) {
            try {
                TimeUnit.NANOSECONDS.sleep(periodNanos);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (LoopState s : loops) {
                long tick = s.lastTick;
                long lag = now - tick;
                if (lag > thresholdNanos + periodNanos && s.reportedTick != tick) {
                    s.reportedTick = tick;
                    report(s, lag - periodNanos);
                }
            }
        }
    }

    private void report(LoopState s, long blockedNanos) {
        StackTraceElement[] stack = s.thread.getStackTrace();
        var sb = new StringBuilder(1024);
        String route = s.route;
        sb.append("Event loop thread ").append(s.thread.getName()).append(" has been blocked for at least ")
                .append(TimeUnit.NANOSECONDS.toMillis(blockedNanos)).append(" ms");
        if (route != null) sb.append(" in ").append(route).append(" (the last event-loop route started on it)");
        sb.append(". A method returning a CompletableFuture runs on the event loop and must not block: make it a plain ")
                .append("method (it then runs on the worker pool), or move the blocking call into Async.offload(...). ")
                .append("Where the loop thread is now:");
        for (StackTraceElement e : stack) sb.append("\n\tat ").append(e);
        String msg = sb.toString();
        LOG.warn(msg);
        var l = listener;
        if (l != null) l.accept(msg);
    }
}
