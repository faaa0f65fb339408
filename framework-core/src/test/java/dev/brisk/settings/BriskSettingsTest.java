package dev.brisk.settings;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.SettingsSource;
import dev.brisk.Workers;
import dev.brisk.internal.app.AppRuntime;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Brisk's own BRISK_* settings fill in what the code left unset; a value set in code wins. */
class BriskSettingsTest {
    public static class Ping {
        @Get("/ping")
        public String ping() {
            return "pong";
        }
    }

    static final Map<String, String> ENV = Map.ofEntries(
            Map.entry("BRISK_EVENT_LOOPS", "3"), Map.entry("BRISK_MAX_BODY_SIZE", "2048"),
            Map.entry("BRISK_HEADER_TIMEOUT", "5s"), Map.entry("BRISK_BODY_TIMEOUT", "6s"), Map.entry("BRISK_IDLE_TIMEOUT", "7s"),
            Map.entry("BRISK_SHUTDOWN_GRACE", "250ms"), Map.entry("BRISK_BLOCKING_THRESHOLD", "0s"), Map.entry("BRISK_DOCS", "off"),
            Map.entry("BRISK_WORKERS", "platform"), Map.entry("BRISK_WORKER_THREADS", "12"), Map.entry("BRISK_WORKER_QUEUE", "34"));

    @Test
    void theEnvironmentConfiguresWhatTheCodeLeftUnset() {
        var app = App.builder().include(new Ping()).settingsSource(SettingsSource.of(ENV, Map.of())).build();
        var c = AppRuntime.of(app).config();
        assertThat(c.server().eventLoops()).isEqualTo(3);
        assertThat(c.server().maxBodySize()).isEqualTo(2048);
        assertThat(c.server().headerTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.server().bodyTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(c.server().idleTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(c.server().shutdownGrace()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.dispatch().blockingThreshold()).isEqualTo(Duration.ZERO);
        assertThat(c.dispatch().workers().kind()).isEqualTo(Workers.Kind.PLATFORM);
        assertThat(c.dispatch().workers().threads()).isEqualTo(12);
        assertThat(c.dispatch().workers().queue()).isEqualTo(34);
        assertThat(c.docs().enabled()).isFalse();
    }

    @Test
    void valuesSetInCodeWin() {
        var app = App.builder().include(new Ping()).settingsSource(SettingsSource.of(ENV, Map.of()))
                .eventLoops(1).maxBodySize(100).headerTimeout(Duration.ofSeconds(1)).bodyTimeout(Duration.ofSeconds(2))
                .idleTimeout(Duration.ofSeconds(3)).shutdownGrace(Duration.ofSeconds(4)).blockingThreshold(Duration.ofMillis(50))
                .docs(true).workers(Workers.platform(5, 6)).build();
        var c = AppRuntime.of(app).config();
        assertThat(c.server().eventLoops()).isEqualTo(1);
        assertThat(c.server().maxBodySize()).isEqualTo(100);
        assertThat(c.server().headerTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.server().bodyTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.server().idleTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.server().shutdownGrace()).isEqualTo(Duration.ofSeconds(4));
        assertThat(c.dispatch().blockingThreshold()).isEqualTo(Duration.ofMillis(50));
        assertThat(c.dispatch().workers().threads()).isEqualTo(5);
        assertThat(c.docs().enabled()).isTrue();
    }

    @Test
    void withoutSettingsTheDefaultsStand() {
        var c = AppRuntime.of(App.builder().include(new Ping()).settingsSource(SettingsSource.of(Map.of(), Map.of())).build()).config();
        assertThat(c.server().maxBodySize()).isEqualTo(1 << 20);
        assertThat(c.server().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.docs().enabled()).isTrue();
        assertThat(c.dispatch().workers().toString()).isEqualTo(Workers.auto().toString());
    }

    @Test
    void startWithoutAPortListensWhereBriskPortAndHostSay() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var env = Map.of("BRISK_PORT", Integer.toString(port), "BRISK_HOST", "127.0.0.1");
        var app = App.builder().include(new Ping()).settingsSource(SettingsSource.of(env, Map.of())).build();
        try (var server = app.start()) {
            assertThat(server.port()).isEqualTo(port);
            var res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(res.body()).isEqualTo("pong");
        }
        // An explicit port wins over BRISK_PORT.
        try (var server = app.start("127.0.0.1", 0)) {
            assertThat(server.port()).isNotEqualTo(port);
        }
    }

    @Test
    void aQueueForVirtualThreadsIsRefused() {
        var env = Map.of("BRISK_WORKERS", "virtual", "BRISK_WORKER_QUEUE", "10");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> App.builder().settingsSource(SettingsSource.of(env, Map.of())).build())
                .hasMessageContaining(Runtime.version().feature() >= 21 ? "virtual-thread workers have no queue" : "virtual threads need Java 21");
    }
}
