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
}
