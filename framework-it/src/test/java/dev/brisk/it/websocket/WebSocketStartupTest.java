package dev.brisk.it.websocket;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Provides;
import dev.brisk.StartupException;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketSession;
import dev.brisk.WebSocketSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wrong WebSocket routes and settings fail startup with a message that says what to write instead. */
class WebSocketStartupTest {
    public record Body(String text) {
    }

    public static class NoSession {
        @WebSocket("/ws")
        public void ws() {
        }
    }

    public static class WrongReturn {
        @WebSocket("/ws")
        public String ws() {
            return "";
        }
    }

    public static class BodyParam {
        @WebSocket("/ws")
        public WebSocketListener ws(Body body) {
            return new WebSocketListener() { };
        }
    }

    public static class SessionOnHttp {
        @Get("/x")
        public String x(WebSocketSession s) {
            return "";
        }
    }

    public static class SessionInProvider {
        @Provides
        public static String name(WebSocketSession s) {
            return "";
        }

        @Get("/x")
        public String x(String name) {
            return name;
        }
    }

    public static class Duplicate {
        @WebSocket("/ws/{a}")
        public WebSocketListener one(String a) {
            return new WebSocketListener() { };
        }

        @WebSocket("/ws/{b}")
        public WebSocketListener two(String b) {
            return new WebSocketListener() { };
        }
    }

    private static void fails(Object routes, String message) {
        assertThatThrownBy(() -> App.builder().include(routes).build()).isInstanceOf(StartupException.class).hasMessageContaining(message);
    }

    @Test
    void badSignaturesAreRefused() {
        fails(new NoSession(), "needs a WebSocketSession parameter");
        fails(new WrongReturn(), "returns a WebSocketListener (or a CompletionStage of one), or is void and takes a WebSocketSession");
        fails(new BodyParam(), "a WebSocket handshake has no body");
        fails(new SessionOnHttp(), "a WebSocketSession is given only to @WebSocket routes");
        fails(SessionInProvider.class, "a WebSocketSession is given only to @WebSocket routes");
        fails(new Duplicate(), "duplicate WebSocket route /ws/{b}");
    }

    @Test
    void inconsistentSettingsAreRefused() {
        assertThatThrownBy(() -> App.builder().webSockets(WebSocketSettings.defaults().maxFrameSize(2 << 20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMessageSize");
        assertThatThrownBy(() -> App.builder().webSockets(WebSocketSettings.defaults().pingInterval(Duration.ofMinutes(5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> WebSocketSettings.defaults().maxFrameSize(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
