package dev.brisk.bench.ws;

import dev.brisk.App;
import dev.brisk.Get;
import dev.brisk.Query;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketRoom;
import dev.brisk.WebSocketSession;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Brisk side of the WebSocket benchmark ({@code benchmarks/websocket/run}): an echo, a fan-out
 * room (one sender's messages to every receiver) and {@code GET /stats} (open sessions, heap used
 * after a GC). The same routes as the Vert.x peer. {@code java -cp brisk-benchmarks.jar dev.brisk.bench.ws.WsBenchServer PORT}
 */
public final class WsBenchServer {
    private static final WebSocketRoom receivers = new WebSocketRoom();
    private static final AtomicInteger open = new AtomicInteger();

    public static class Routes {
        /** Event-loop echo, as a Vert.x or Node handler would be written. */
        @WebSocket("/ws/echo")
        public CompletionStage<WebSocketListener> echo() {
            return CompletableFuture.completedFuture(new WebSocketListener() {
                @Override
                public void onOpen(WebSocketSession s) {
                    open.incrementAndGet();
                }

                @Override
                public void onText(WebSocketSession s, String text) {
                    s.sendText(text);
                }

                @Override
                public void onBinary(WebSocketSession s, byte[] data) {
                    s.sendBinary(data);
                }

                @Override
                public void onClose(WebSocketSession s, dev.brisk.WebSocketClose close) {
                    open.decrementAndGet();
                }
            });
        }

        /** Receivers join the room; the sender's (?role=sender) messages go to all of them. */
        @WebSocket("/ws/fanout")
        public CompletionStage<WebSocketListener> fanout(@Query(defaultValue = "receiver") String role) {
            boolean sender = role.equals("sender");
            return CompletableFuture.completedFuture(new WebSocketListener() {
                @Override
                public void onOpen(WebSocketSession s) {
                    if (!sender) receivers.join(s);
                }

                @Override
                public void onText(WebSocketSession s, String text) {
                    if (sender) receivers.broadcast(text);
                }
            });
        }

        @Get("/stats")
        public Map<String, Object> stats() {
            System.gc();
            var rt = Runtime.getRuntime();
            return Map.of("sessions", open.get() + receivers.size(), "heapUsed", rt.totalMemory() - rt.freeMemory());
        }
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        App.builder().docs(false)
                .include(new Routes()).build().run("127.0.0.1", port);
    }
}
