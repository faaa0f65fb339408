package dev.brisk.it.websocket;

import dev.brisk.App;
import dev.brisk.Query;
import dev.brisk.Server;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketJsonListener;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketSession;
import dev.brisk.WebSocketSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interoperability with a real third-party client over TCP: Python's {@code websockets} library
 * (installed into a venv by {@code .ci/run}, which passes its interpreter as BRISK_WS_PYTHON).
 * Skipped, with a message, where no Python with {@code websockets} can be found.
 */
class PythonClientInteropTest {
    public record Order(@NotBlank String item, @Min(1) int quantity) {
    }

    public static class Routes {
        @WebSocket("/interop/echo")
        public WebSocketListener echo() {
            return new WebSocketListener() {
                @Override
                public void onText(WebSocketSession s, String text) {
                    s.sendText(text);
                }

                @Override
                public void onBinary(WebSocketSession s, byte[] data) {
                    s.sendBinary(data);
                }
            };
        }

        @WebSocket("/interop/orders")
        public WebSocketJsonListener<Order> orders() {
            return (s, order) -> s.sendJson(order);
        }

        @WebSocket("/interop/hello")
        public void hello(WebSocketSession ws, @Query String name) {
            ws.accept(ws.requestedSubprotocols().contains("v2") ? "v2" : null);
            ws.sendText("hello " + name);
            ws.receive(Duration.ofSeconds(5));
        }
    }

    private static String python() {
        String configured = System.getenv("BRISK_WS_PYTHON");
        for (String candidate : configured != null ? List.of(configured) : List.of("python3")) {
            try {
                var p = new ProcessBuilder(candidate, "-c", "import websockets.sync.client").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return candidate;
            } catch (IOException e) {
                // not there
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }

    @Test
    void pythonWebsocketsTalksToBrisk() throws Exception {
        String python = python();
        Assumptions.assumeTrue(python != null, "skipped: no Python with the 'websockets' package (python3 -m venv + pip install websockets;"
                + " .ci/run sets BRISK_WS_PYTHON)");
        Path script = Files.createTempFile("brisk-interop", ".py");
        try (var in = getClass().getResourceAsStream("/websocket/interop_client.py")) {
            Files.write(script, in.readAllBytes());
        }
        Server server = App.builder().webSockets(WebSocketSettings.defaults().compression(true)).include(new Routes())
                .build().start("127.0.0.1", 0);
        try {
            var p = new ProcessBuilder(python, script.toString(), String.valueOf(server.port())).redirectErrorStream(true).start();
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!done) p.destroyForcibly();
            assertThat(done).as("the client finished").isTrue();
            assertThat(out).as(out).doesNotContain("FAIL").contains("ok permessage-deflate").contains("ok the client's close handshake");
            assertThat(out.lines().filter(l -> l.startsWith("ok ")).count()).as(out).isEqualTo(7);
            assertThat(p.exitValue()).as(out).isZero();
        } finally {
            server.close(Duration.ofSeconds(2));
            Files.deleteIfExists(script);
        }
    }
}
