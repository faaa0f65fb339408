package docs.server;

import dev.brisk.*;
import java.time.Duration;

public class Settings {
    @Get("/ping")
    public String ping() {
        return "pong";
    }

    public static App app() {
        return App.builder()
                .include(new Settings())
                .maxBodySize(256 * 1024)                      // larger bodies: 413, connection closed
                .headerTimeout(Duration.ofSeconds(10))        // request line + headers must arrive in time
                .bodyTimeout(Duration.ofSeconds(10))          // a body may not stall longer than this
                .idleTimeout(Duration.ofSeconds(30))          // idle keep-alive connections are closed
                .shutdownGrace(Duration.ofSeconds(5))         // Server.close() waits this long for in-flight work
                .workers(Workers.platform(64, 256))           // or Workers.virtual(5_000) on Java 21+
                .eventLoops(2)                                // default: one per core
                .blockingThreshold(Duration.ofMillis(50))
                .onStartup(() -> System.out.println("starting"))
                .onShutdown(() -> System.out.println("stopped"))
                .build();
    }

    public static void main(String[] args) {
        try (Server server = app().start("127.0.0.1", 0)) {  // port 0: any free port
            System.out.println("listening on " + server.port());
        }                                                     // close(): graceful shutdown
    }
}
