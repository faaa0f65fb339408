package dev.brisk.internal.dispatch;

import dev.brisk.Response;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Lets the dispatcher make and read {@link Response}s on their way out without public API for it. */
public final class ResponseAccess {
    /** Installed by {@link Response}'s static initialiser. */
    public interface Bridge {
        Response outgoing(Object from, int status, String contentType, List<Map.Entry<String, String>> headers, Supplier<byte[]> encoded);

        Object origin(Response r);

        boolean bodyReplaced(Response r);
    }

    private static volatile Bridge bridge;

    private ResponseAccess() {
    }

    public static void install(Bridge b) {
        bridge = b;
    }

    static Bridge get() {
        var b = bridge;
        if (b == null) {
            try {
                Class.forName(Response.class.getName(), true, Response.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            b = bridge;
        }
        return b;
    }
}
