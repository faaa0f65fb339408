package dev.brisk.it.websocket;

import dev.brisk.App;
import dev.brisk.EventStream;
import dev.brisk.Get;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketSession;
import dev.brisk.internal.app.AppRuntime;
import dev.brisk.internal.http.StopSignal;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the app stops serving — a dev-mode reload replacing it — open WebSockets close with 1012
 * (service restart) and event streams end cleanly, so nothing keeps the old generation alive.
 */
class StopSignalEndsSessionsTest {
    public static class Routes {
        @WebSocket("/ws")
        public WebSocketListener ws() {
            return new WebSocketListener() {
                @Override
                public void onOpen(WebSocketSession s) {
                    s.sendText("open");
                }
            };
        }

        @Get("/events")
        public EventStream<String> events() {
            return EventStream.create(emitter -> emitter.send("first"));   // then stays open
        }
    }

    @Test
    void aReloadClosesWebSocketsWith1012AndEndsEventStreams() {
        var app = App.builder().docs(false).include(new Routes()).build();
        try (var c = TestClient.of(app); var ws = c.websocket("/ws").connect(); var events = c.stream("/events")) {
            assertThat(ws.receiveText()).isEqualTo("open");
            assertThat(events.nextEvent(Duration.ofSeconds(5))).hasValueSatisfying(e -> assertThat(e.data()).isEqualTo("first"));
            AppRuntime.of(app).stopSignal().fire(StopSignal.Reason.RELOAD);
            var close = ws.awaitClose();
            assertThat(close.code()).isEqualTo(1012);
            assertThat(close.reason()).isEqualTo("service restart");
            assertThat(events.nextEvent(Duration.ofSeconds(5))).isEmpty();   // the stream ended (not cut)
        }
    }
}
