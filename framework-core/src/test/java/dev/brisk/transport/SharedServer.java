package dev.brisk.transport;

import dev.brisk.App;
import dev.brisk.Server;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * One server on 127.0.0.1 shared by the tests of a class: started before the first, closed after the
 * last. Register it with {@code @RegisterExtension static final SharedServer server = new SharedServer(...)}.
 */
public final class SharedServer implements BeforeAllCallback, AfterAllCallback {
    private final Consumer<App.Builder> config;
    private final Object[] routes;
    private Server server;

    public SharedServer(Object... routes) {
        this(b -> { }, routes);
    }

    public SharedServer(Consumer<App.Builder> config, Object... routes) {
        this.config = config;
        this.routes = routes;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServers.start(config, routes);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close(Duration.ZERO);
    }

    public int port() {
        return server.port();
    }
}
