package dev.brisk.internal.stream;

import dev.brisk.EventStream;

import java.time.Duration;

/** Lets the dispatcher read an {@link EventStream} without public accessors for it. */
public final class EventStreamAccess {
    /** Installed by {@link EventStream}'s static initialiser. */
    public interface Bridge {
        Object source(EventStream<?> s);

        Duration keepAlive(EventStream<?> s);
    }

    /** The source of a pushed stream. */
    public interface PushSource {
        void start(EventStream.Emitter<?> emitter);
    }

    private static volatile Bridge bridge;

    private EventStreamAccess() {
    }

    public static void install(Bridge b) {
        bridge = b;
    }

    static Bridge get() {
        var b = bridge;
        if (b == null) {
            try {
                Class.forName(EventStream.class.getName(), true, EventStream.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            b = bridge;
        }
        return b;
    }
}
