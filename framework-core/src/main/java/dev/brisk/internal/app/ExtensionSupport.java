package dev.brisk.internal.app;

import dev.brisk.StartupException;
import dev.brisk.internal.spi.ServerHandle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The installed features and the server watchers of one app, for its extensions. */
final class ExtensionSupport {
    private final List<Object> features;
    private final Set<Object> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Consumer<ServerHandle>> started = new CopyOnWriteArrayList<>();
    private final List<Consumer<ServerHandle>> stopped = new CopyOnWriteArrayList<>();

    ExtensionSupport(List<Object> features) {
        this.features = features;
    }

    <T> List<T> features(Class<T> type) {
        var out = new ArrayList<T>();
        for (Object f : features) {
            if (type.isInstance(f)) {
                claimed.add(f);
                out.add(type.cast(f));
            }
        }
        return out;
    }

    /** After the extensions ran: every installed feature must have been taken up by one. */
    void checkClaimed() {
        for (Object f : features) {
            if (!claimed.contains(f)) {
                throw new StartupException("App.Builder.install(" + f + "): no Brisk extension took up "
                        + f.getClass().getName() + " (is its module's META-INF/services/dev.brisk.internal.spi.Extension"
                        + " missing, e.g. dropped when the jar was repackaged?)");
            }
        }
    }

    void watch(Consumer<ServerHandle> onStart, Consumer<ServerHandle> onStop) {
        if (onStart != null) started.add(onStart);
        if (onStop != null) stopped.add(onStop);
    }

    void started(ServerHandle server) {
        notify(started, server, "started");
    }

    void stopped(ServerHandle server) {
        notify(stopped, server, "stopped");
    }

    private static void notify(List<Consumer<ServerHandle>> list, ServerHandle server, String what) {
        for (var c : list) {
            try {
                c.accept(server);
            } catch (RuntimeException e) {
                Logs.LOG.error("An extension failed when a server {}", what, e);
            }
        }
    }
}
