package dev.brisk.transport;

import org.junit.jupiter.api.extension.ExtendWith;
import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.OnStartup;
import dev.brisk.Server;
import dev.brisk.Workers;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A failing startup hook or bind makes start() throw a clear error and leaves no threads behind. */
@ExtendWith(LeakCheck.class)
class StartupFailureTest {
    public static class FailingStartup {
        @OnStartup
        public void connectToDatabase() {
            throw new IllegalStateException("database is down");
        }

        @Get("/x")
        public String x() {
            return "x";
        }
    }

    public static class Recording {
        final List<String> events;

        Recording(List<String> events) {
            this.events = events;
        }

        @OnStartup
        public void first() {
            events.add("@OnStartup");
        }

        @Get("/x")
        public String x() {
            return "x";
        }
    }

    @Test
    void aFailingOnStartupMethodStopsStartup() throws Exception {
        var before = BriskThreads.live();
        var app = App.builder().docs(false).workers(Workers.platform(2, 2)).include(new FailingStartup()).build();
        assertThatThrownBy(() -> app.start("127.0.0.1", 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("StartupFailureTest$FailingStartup.connectToDatabase()")
                .hasMessageContaining("database is down")
                .hasRootCauseMessage("database is down");
        assertThat(BriskThreads.leftSince(before)).isEmpty();
    }

    @Test
    void aFailingBuilderHookStopsStartup() throws Exception {
        var before = BriskThreads.live();
        var events = new CopyOnWriteArrayList<String>();
        var app = App.builder().docs(false).include(new Recording(events))
                .onStartup(() -> events.add("builder 1"))
                .onStartup(() -> {
                    throw new java.io.IOException("config file missing");
                })
                .onStartup(() -> events.add("builder 3"))
                .onShutdown(() -> events.add("shutdown"))
                .build();
        assertThatThrownBy(() -> app.start("127.0.0.1", 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("startup hook")
                .hasMessageContaining("config file missing");
        assertThat(events).containsExactly("@OnStartup", "builder 1");
        assertThat(BriskThreads.leftSince(before)).isEmpty();
    }

    @Test
    void aPortInUseFailsWithTheAddress() throws Exception {
        try (var taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            var before = BriskThreads.live();
            var app = App.builder().docs(false).include(new FailingStartup() {
                @Override
                public void connectToDatabase() {
                }
            }).build();
            assertThatThrownBy(() -> app.start("127.0.0.1", taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
            assertThat(BriskThreads.leftSince(before)).isEmpty();
        }
    }

    @Test
    void startupHooksRunInOrderBeforeTheFirstRequest() {
        var events = new CopyOnWriteArrayList<String>();
        Server s = App.builder().docs(false).include(new Recording(events))
                .onStartup(() -> events.add("builder")).build().start("127.0.0.1", 0);
        try (var c = RawHttp.connect(s.port())) {
            assertThat(events).containsExactly("@OnStartup", "builder");
            assertThat(c.exchange(RawHttp.get("/x")).text()).isEqualTo("x");
        } finally {
            s.close(Duration.ZERO);
        }
    }
}
