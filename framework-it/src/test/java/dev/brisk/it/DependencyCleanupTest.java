package dev.brisk.it;

import dev.brisk.App;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Provides;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.brisk.test.BriskAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class DependencyCleanupTest {
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    public static final class Db implements AutoCloseable {
        @Override
        public void close() {
            EVENTS.add("close db");
        }
    }

    public static final class Tx implements AutoCloseable {
        Tx(Db db) {
            EVENTS.add("open tx");
        }

        @Override
        public void close() {
            EVENTS.add("close tx");
        }
    }

    public static final class Broken implements AutoCloseable {
        @Override
        public void close() {
            EVENTS.add("close broken");
            throw new IllegalStateException("close failed");
        }
    }

    public static class Providers {
        @Provides
        public static Db db() {
            EVENTS.add("open db");
            return new Db();
        }

        @Provides
        public static Tx tx(@Depends Db db) {
            return new Tx(db);
        }

        @Provides
        public static Broken broken() {
            return new Broken();
        }
    }

    public static class Routes {
        @Get("/ok")
        public String ok(@Depends Tx tx) {
            EVENTS.add("handler");
            return "ok";
        }

        @Get("/fail")
        public String fail(@Depends Tx tx) {
            EVENTS.add("handler");
            throw new IllegalArgumentException("boom");
        }

        @Get("/broken")
        public String broken(@Depends Broken b) {
            return "fine";
        }
    }

    private static TestClient client() {
        return TestClient.of(App.builder().include(new Providers()).include(new Routes()).build(),
                TestClient.Options.defaults().raiseServerExceptions(false));
    }

    @Test
    void closedAfterTheResponseInReverseOrder() {
        EVENTS.clear();
        try (var c = client()) {
            assertThat(c.get("/ok")).hasStatus(200);
            Eventually.until(() -> EVENTS.size() == 5);
            assertThat(EVENTS).containsExactly("open db", "open tx", "handler", "close tx", "close db");
        }
    }

    @Test
    void closedAlsoWhenTheHandlerFails() {
        EVENTS.clear();
        try (var c = client()) {
            assertThat(c.get("/fail")).hasStatus(500).hasJsonBody("{\"detail\":\"Internal Server Error\"}");
            Eventually.until(() -> EVENTS.size() == 5);
            assertThat(EVENTS).endsWith("close tx", "close db");
        }
    }

    @Test
    void aFailingCloseIsLoggedNotSent() {
        EVENTS.clear();
        try (var c = client()) {
            assertThat(c.get("/broken")).hasStatus(200).hasText("fine");
            Eventually.until(() -> EVENTS.contains("close broken"));
            assertThat(c.get("/broken")).hasStatus(200);
        }
    }
}
