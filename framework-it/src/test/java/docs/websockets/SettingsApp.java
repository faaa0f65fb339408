package docs.websockets;

import dev.brisk.*;
import java.time.Duration;
import java.util.List;

public class SettingsApp {
    static App app() {
        return App.builder()
                .webSockets(WebSocketSettings.defaults()
                        .allowedOrigins(List.of("https://app.example.com"))   // the same list as your CORS origins
                        .maxMessageSize(256 * 1024)
                        .pingInterval(Duration.ofSeconds(20))
                        .idleTimeout(Duration.ofSeconds(60)))
                .include(new Chat())
                .build();
    }
}
