package dev.brisk.it.websocket;

import dev.brisk.App;
import dev.brisk.Blocking;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketClose;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketSession;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The listener style: events in order, on the worker pool or the event loop by the route's return type. */
@BriskTest
class WebSocketListenerTest {
    static final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();

    public static class Routes {
        @WebSocket("/echo")
        public WebSocketListener echo() {
            return new WebSocketListener() {
                @Override
                public void onOpen(WebSocketSession s) {
                    s.sendText("welcome " + s.id().isEmpty());
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
                public void onClose(WebSocketSession s, WebSocketClose close) {
                    events.add("closed " + close.code() + " " + close.reason());
                }
            };
        }

        /** Each message answered with the thread kind and the order it was seen in; a slow first one must not be overtaken. */
        @WebSocket("/order")
        public WebSocketListener order() {
            var seen = new CopyOnWriteArrayList<String>();
            return new WebSocketListener() {
                @Override
                public void onText(WebSocketSession s, String text) throws Exception {
                    if (text.equals("0")) Thread.sleep(50);   // a blocking callback: fine on a worker
                    seen.add(text);
                    s.sendText(seen.size() + ":" + text + ":" + kind());
                }
            };
        }

        /** Attributes keep a session's own state between callbacks. */
        @WebSocket("/counter")
        public WebSocketListener counter() {
            return new WebSocketListener() {
                @Override
                public void onOpen(WebSocketSession s) {
                    s.attributes().put("count", 0);
                }

                @Override
                public void onText(WebSocketSession s, String text) {
                    int n = (Integer) s.attributes().merge("count", 1, (a, b) -> (Integer) a + (Integer) b);
                    s.sendText(text + " #" + n);
                }
            };
        }

        @WebSocket("/loop")
        public CompletionStage<WebSocketListener> onLoop() {
            return CompletableFuture.completedFuture(new WebSocketListener() {
                @Override
                public void onOpen(WebSocketSession s) {
                    s.sendText("open:" + kind());
                }

                @Override
                public void onText(WebSocketSession s, String text) {
                    s.sendText(text + ":" + kind());
                }
            });
        }

        @Blocking
        @WebSocket("/loop-blocking")
        public CompletionStage<WebSocketListener> blocking() {
            return CompletableFuture.completedFuture(new WebSocketListener() {
                @Override
                public void onText(WebSocketSession s, String text) {
                    s.sendText(kind());
                }
            });
        }

        private static String kind() {
            String n = Thread.currentThread().getName();
            return n.startsWith("brisk-loop") ? "loop" : n.startsWith("brisk-worker") || n.startsWith("brisk-vt") ? "worker" : n;
        }
    }

    /** Waits for {@code expected} among the events (sessions of earlier tests may still report theirs). */
    static void awaitEvent(java.util.concurrent.BlockingQueue<String> q, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String e;
        while ((e = q.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (e.equals(expected)) return;
        }
        throw new AssertionError("no event " + expected);
    }

    static App app() {
        return App.builder().include(new Routes()).build();
    }

    @Test
    void textAndBinaryMessagesAreEchoedAfterTheWelcome(TestClient client) throws Exception {
        events.clear();
        try (var ws = client.websocket("/echo").connect()) {
            assertThat(ws.receiveText()).isEqualTo("welcome false");
            ws.sendText("héllo");
            assertThat(ws.receiveText()).isEqualTo("héllo");
            ws.sendBinary(new byte[] {0, 1, 2, (byte) 255});
            assertThat(ws.receiveBinary()).containsExactly(0, 1, 2, 255);
            ws.sendTextFragmented("a message in five pieces", 5);
            assertThat(ws.receiveText()).isEqualTo("a message in five pieces");
            assertThat(ws.header("Sec-WebSocket-Accept")).isNotBlank();
        }
        awaitEvent(events, "closed 1000 ");
    }

    @Test
    void attributesBelongToTheirSession(TestClient client) {
        try (var a = client.websocket("/counter").connect(); var b = client.websocket("/counter").connect()) {
            a.sendText("a");
            a.sendText("a");
            b.sendText("b");
            assertThat(a.receiveText()).isEqualTo("a #1");
            assertThat(a.receiveText()).isEqualTo("a #2");
            assertThat(b.receiveText()).isEqualTo("b #1");
        }
    }

    @Test
    void workerCallbacksOfOneSessionRunOneAtATimeInOrder(TestClient client) {
        try (var ws = client.websocket("/order").connect()) {
            for (int i = 0; i < 100; i++) ws.sendText(String.valueOf(i));
            for (int i = 0; i < 100; i++) assertThat(ws.receiveText()).isEqualTo((i + 1) + ":" + i + ":worker");
        }
    }

    @Test
    void aFutureReturningRouteAndItsCallbacksRunOnTheEventLoop(TestClient client) {
        try (var ws = client.websocket("/loop").connect()) {
            assertThat(ws.receiveText()).isEqualTo("open:loop");
            ws.sendText("x");
            assertThat(ws.receiveText()).isEqualTo("x:loop");
        }
        try (var ws = client.websocket("/loop-blocking").connect()) {
            ws.sendText("x");
            assertThat(ws.receiveText()).isEqualTo("worker");
        }
    }

    @Test
    void theClientsCloseIsAnsweredAndReported(TestClient client) throws Exception {
        events.clear();
        var ws = client.websocket("/echo").connect();
        ws.receiveText();
        ws.close(4000, "bye now");
        assertThat(ws.closeStatus()).hasValueSatisfying(c -> assertThat(c.code()).isEqualTo(4000));
        awaitEvent(events, "closed 4000 bye now");
        assertThat(new String("x".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo("x");
        assertThat(List.of()).isEmpty();
    }
}
