package dev.brisk.internal.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;

import java.net.SocketAddress;
import java.util.Map;

/** One client connection as the layers above the transport see it; made once per connection. */
public final class ConnectionInfo {
    private final EventExecutor loop;
    private final ByteBufAllocator alloc;
    private final SocketAddress remote;
    private final SocketAddress local;
    private final Map<SocketAddress, ConnectionHooks> registry;
    private ConnectionHooks hooks;
    private boolean hooksLooked;
    /** Actions to run when the server starts draining (event-loop only). */
    private java.util.ArrayList<Runnable> onDrain;
    private boolean draining;

    /**
     * @param registry observers by remote address (empty outside tests); read lazily, the first
     *                 time a request needs it, so an observer may register right after connecting
     */
    public ConnectionInfo(EventExecutor loop, ByteBufAllocator alloc, SocketAddress remote, SocketAddress local,
                          Map<SocketAddress, ConnectionHooks> registry) {
        this.loop = loop;
        this.alloc = alloc;
        this.remote = remote;
        this.local = local;
        this.registry = registry;
    }

    /** The connection's event loop. */
    public EventExecutor loop() {
        return loop;
    }

    public ByteBufAllocator alloc() {
        return alloc;
    }

    public SocketAddress remoteAddress() {
        return remote;
    }

    public SocketAddress localAddress() {
        return local;
    }

    /** The connection's observer, or null. */
    public ConnectionHooks hooks() {
        if (!hooksLooked) {
            if (registry.isEmpty()) return null;
            hooks = remote == null ? null : registry.get(remote);
            hooksLooked = hooks != null;
        }
        return hooks;
    }

    // ------------------------------------------------------------------------------------ draining

    /**
     * Runs {@code action} on this connection's event loop when the server starts a graceful shutdown
     * (at once, soon, if it has started already): long-lived bodies such as event streams end then.
     * Call on the event loop.
     */
    public void onDrain(Runnable action) {
        if (draining) {
            loop.execute(action);
            return;
        }
        if (onDrain == null) onDrain = new java.util.ArrayList<>(1);
        onDrain.add(action);
    }

    /** Forgets an action given to {@link #onDrain} (its body ended first). Call on the event loop. */
    public void removeOnDrain(Runnable action) {
        if (onDrain != null) onDrain.remove(action);
    }

    /** The transport calls this on the event loop when the server starts draining. */
    public void drainStarted() {
        if (draining) return;
        draining = true;
        var list = onDrain;
        onDrain = null;
        if (list == null) return;
        for (Runnable r : list) {
            try {
                r.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger("dev.brisk.http").debug("A drain action failed", e);
            }
        }
    }

    /** Whether the server is draining (as far as this connection has been told). */
    public boolean draining() {
        return draining;
    }
}
