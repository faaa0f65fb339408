package dev.brisk.websocket;

import dev.brisk.WebSocket;
import dev.brisk.WebSocketClose;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketSession;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

/** Routes of the raw-socket WebSocket tests. */
public class EchoRoutes {
    /** How a session ended, as the server saw it, with the last text it received (tests mark their sessions with it). */
    record Ended(String lastText, WebSocketClose close) {
    }

    /** How each session ended (sessions of several test classes may report here). */
    static final LinkedBlockingQueue<Ended> closes = new LinkedBlockingQueue<>();

    /** Waits up to 10 s for the end of the session whose last text was {@code marker}. */
    static WebSocketClose ended(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        Ended e;
        while ((e = closes.poll(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)) != null) {
            if (e.lastText().equals(marker)) return e.close();
        }
        throw new AssertionError("no session marked " + marker + " ended");
    }

    @WebSocket("/echo")
    public CompletionStage<WebSocketListener> echo() {
        return CompletableFuture.completedFuture(new WebSocketListener() {
            private String last = "";

            @Override
            public void onText(WebSocketSession s, String text) {
                last = text;
                if (text.equals("ping me")) {
                    s.ping(new byte[] {4, 2});
                    return;
                }
                s.sendText(text);
            }

            @Override
            public void onBinary(WebSocketSession s, byte[] data) {
                s.sendBinary(data);
            }

            @Override
            public void onClose(WebSocketSession s, WebSocketClose close) {
                closes.add(new Ended(last, close));
            }
        });
    }

    /** Sends {@code n} messages of {@code size} bytes as fast as it can, whether or not the client reads. */
    @WebSocket("/flood")
    public void flood(WebSocketSession ws, int n, int size) {
        byte[] chunk = new byte[size];
        ws.accept();
        for (int i = 0; i < n && ws.isOpen(); i++) ws.sendBinary(chunk);
        try {
            ws.receive();
        } finally {
            closes.add(new Ended("flood", ws.closeStatus().orElse(new WebSocketClose(0, "still open"))));
        }
    }

    /** Takes longer than the handshake timeout to accept. */
    @WebSocket("/slow")
    public void slow(WebSocketSession ws) throws InterruptedException {
        Thread.sleep(1500);
        ws.accept();
    }
}
