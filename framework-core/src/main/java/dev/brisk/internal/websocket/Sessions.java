package dev.brisk.internal.websocket;

import dev.brisk.WebSocketClose;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The open WebSocket sessions of an app, by the event loop group (the server) they belong to, so
 * that a server can close its own: 1001 when it stops, or any code (1012 before a reload).
 */
public final class Sessions {
    private final Set<WsSession> live = ConcurrentHashMap.newKeySet();
    private final Set<EventExecutorGroup> draining = ConcurrentHashMap.newKeySet();

    void add(WsSession s) {
        live.add(s);
    }

    void remove(WsSession s) {
        live.remove(s);
    }

    /** True while the server of {@code loop} is stopping: new handshakes are refused (503). */
    public boolean draining(EventExecutor loop) {
        return !draining.isEmpty() && draining.contains(loop.parent());
    }

    /** The open sessions of the server whose event loops are {@code group}. */
    public int count(EventExecutorGroup group) {
        int n = 0;
        for (var s : live) if (on(s, group)) n++;
        return n;
    }

    /** Starts closing every open session of {@code group} with {@code code} and {@code reason}; returns how many. */
    public int closeAll(EventExecutorGroup group, int code, String reason) {
        int n = 0;
        for (var s : List.copyOf(live)) {
            if (!on(s, group)) continue;
            s.close(code, reason);
            n++;
        }
        return n;
    }

    /**
     * For a server that stops: refuses new handshakes, closes its sessions with 1001 and waits (at
     * most {@code grace}) for their closing handshakes. Returns what is left of {@code grace}.
     */
    public Duration drain(EventExecutorGroup group, Duration grace) {
        long start = System.nanoTime();
        draining.add(group);
        if (closeAll(group, WebSocketClose.GOING_AWAY, "server shutting down") == 0) return grace;
        long deadline = start + grace.toNanos();
        while (count(group) > 0 && System.nanoTime() < deadline) {
            closeAll(group, WebSocketClose.GOING_AWAY, "server shutting down");   // sessions whose handshake was under way

            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** Forgets a stopped server. */
    public void forget(EventExecutorGroup group) {
        draining.remove(group);
    }

    private static boolean on(WsSession s, EventExecutorGroup group) {
        Channel ch = s.channel();
        return ch != null && ch.eventLoop().parent() == group;
    }

    static long nanos(Duration d) {
        return TimeUnit.NANOSECONDS.convert(d);
    }
}
