package dev.brisk.internal.app;

import dev.brisk.Server;

import java.util.Optional;

/**
 * Where dev mode takes over {@code App.run} and {@code App.start}: while a generation of the app is
 * being built, its main method runs with the generation's class loader as the context loader, and
 * that loader (a {@link Claimer}) receives the built app instead of a new server being started. The
 * dev session's transport, already bound, then serves it.
 */
public final class DevHook {
    private DevHook() {
    }

    /** A dev-mode generation's class loader, waiting for its app. */
    public interface Claimer {
        /**
         * Takes the app: starts it on the dev session's server and returns that server's view; for
         * {@code blocking} ({@code App.run}) waits until this generation is replaced or the session
         * ends. Empty when this generation already has its app (then a second server starts as usual).
         */
        Optional<Server> claim(AppRuntime app, String host, int port, boolean blocking);
    }

    /** Dev mode's server for {@code app}, when the calling thread builds a dev-mode generation; else empty. */
    public static Optional<Server> claim(AppRuntime app, String host, int port, boolean blocking) {
        if (Thread.currentThread().getContextClassLoader() instanceof Claimer c) return c.claim(app, host, port, blocking);
        return Optional.empty();
    }
}
