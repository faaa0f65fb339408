package dev.brisk.transport;

import dev.brisk.App;
import dev.brisk.Server;

import java.util.function.Consumer;

/** Starts apps on 127.0.0.1 and a free port. */
public final class TestServers {
    private TestServers() {
    }

    public static Server start(Consumer<App.Builder> config, Object... routes) {
        var b = App.builder().eventLoops(2).docs(false);
        for (Object r : routes) b.include(r);
        config.accept(b);
        return b.build().start("127.0.0.1", 0);
    }

    public static Server start(Object... routes) {
        return start(b -> { }, routes);
    }
}
