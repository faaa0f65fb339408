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
 * Reports event loops held longer than a threshold. Each loop stamps a heartbeat from a timer task
 * every half threshold; a watchdog thread notices a stale heartbeat, samples the loop thread's stack
 * and logs one warning per stall. The request path pays two field writes per event-loop route
 * ({@link #enter}, {@link #exit}); nothing at all when the detector is off.
 *
 * <p>A stall is reported once, as soon as a sample of the loop's stack shows application code: it
 * names the route when a handler is running, or else (a callback of a route's future) the last
 * route started on that loop as a hint. A stall whose samples show only JDK, Netty and Brisk code
 * (class loading and JIT warm-up on the very first requests) is logged at DEBUG, unless it lasts ten
 * thresholds. A pause of the whole JVM (GC, a suspended VM) delays the watchdog too and is not taken
 * for a blocked loop.
 */
public final class BlockingDetector {
    private static final Logger LOG = LoggerFactory.getLogger("dev.brisk.blocking");
    private static final FastThreadLocal<LoopState> CURRENT = new FastThreadLocal<>();

    private final long thresholdNanos;
    private final long periodNanos;
    private final List<LoopState> loops = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private final java.util.concurrent.atomic.AtomicLong stalls = new java.util.concurrent.atomic.AtomicLong();
    private Thread watchdog;
    /** Receives each warning too (tests). */
    public volatile Consumer<String> listener;

    static final class LoopState {
        final Thread thread;
        volatile long lastTick = System.nanoTime();
        // Written by the loop thread, read by the watchdog.
        volatile String route;
        volatile boolean inRoute;
        // Watchdog thread only.
        long reportedTick = -1;
        long pendingTick = -1;
        StackTraceElement[] pendingStack;
        long pendingLag;
        boolean pendingInRoute;

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
    public static void enter(String route) {
        LoopState s = CURRENT.getIfExists();
        if (s != null) {
            s.route = route;
            s.inRoute = true;
        }
    }

    /** Marks that the event-loop route entered last has returned (its future may still be pending). */
    public static void exit() {
        LoopState s = CURRENT.getIfExists();
        if (s != null) s.inRoute = false;
    }

    private void watch() {
        long last = System.nanoTime();
        while (running) {
            try {
                TimeUnit.NANOSECONDS.sleep(periodNanos);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long overslept = now - last - periodNanos;
            last = now;
            // The watchdog itself woke late: the whole JVM stood still, so stale heartbeats say nothing.
            // Forget this round; the loops' heartbeats catch up before the next one.
            if (overslept > thresholdNanos / 2) continue;
            for (LoopState s : loops) check(s, now);
        }
    }

    private void check(LoopState s, long now) {
        long tick = s.lastTick;
        long lag = now - tick - periodNanos; // the heartbeat is due every period: what is beyond is the stall
        if (s.pendingTick != -1 && s.pendingTick != tick) {
            // A stall that never showed application code has ended (class loading, JIT warm-up ...).
            if (LOG.isDebugEnabled()) LOG.debug(message(s, s.pendingLag, s.pendingStack, s.pendingInRoute));
            s.pendingTick = -1;
            s.pendingStack = null;
        }
        if (lag <= thresholdNanos || s.reportedTick == tick) return;
        boolean inRoute = s.inRoute;
        StackTraceElement[] stack = s.thread.getStackTrace();
        inRoute &= s.inRoute;
        if (hasApplicationFrame(stack) || lag > 10 * thresholdNanos) {
            s.reportedTick = tick;
            s.pendingTick = -1;
            s.pendingStack = null;
            report(s, lag, stack, inRoute);
        } else {
            // Only framework and JDK frames: sample again while it lasts, in case application code shows up.
            s.pendingTick = tick;
            s.pendingStack = stack;
            s.pendingLag = lag;
            s.pendingInRoute = inRoute;
        }
    }

    private static final String[] FRAMEWORK = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "io.netty.", "dev.brisk.internal.",
        "com.fasterxml.jackson.", "org.hibernate.validator.", "jakarta.", "org.slf4j.", "io.github.classgraph.",
        "io.micrometer.", "io.opentelemetry.", "io.prometheus."};

    /** True when some frame belongs to neither the JDK nor the framework and its libraries. */
    static boolean hasApplicationFrame(StackTraceElement[] stack) {
        outer:
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            for (String f : FRAMEWORK) if (c.startsWith(f)) continue outer;
            if (c.contains("$$Lambda")) continue; // a proxy: a lambda's own code shows as a lambda$ method frame
            return true;
        }
        return false;
    }

    /** Stalls reported (warned about) so far. */
    public long stalls() {
        return stalls.get();
    }

    private void report(LoopState s, long blockedNanos, StackTraceElement[] stack, boolean inRoute) {
        stalls.incrementAndGet();
        String msg = message(s, blockedNanos, stack, inRoute);
        LOG.warn(msg);
        var l = listener;
        if (l != null) l.accept(msg);
    }

    private static String message(LoopState s, long blockedNanos, StackTraceElement[] stack, boolean inRoute) {
        var sb = new StringBuilder(2048);
        String route = s.route;
        sb.append("Event loop thread ").append(s.thread.getName()).append(" has been blocked for at least ")
                .append(TimeUnit.NANOSECONDS.toMillis(blockedNanos)).append(" ms");
        if (inRoute) {
            sb.append(" in ").append(route);
        } else {
            sb.append(" outside a route handler");
            if (route != null) sb.append(" (the last event-loop route started on it: ").append(route).append(')');
        }
        sb.append(". A method returning a CompletableFuture runs on the event loop, and so do the callbacks of its futures: they must not")
                .append(" block. Make it a plain method (it then runs on the worker pool), or move the blocking call into Async.offload(...).")
                .append(" Where the loop thread was:");
        for (StackTraceElement e : stack) sb.append("\n\tat ").append(e);
        return sb.toString();
    }
}
