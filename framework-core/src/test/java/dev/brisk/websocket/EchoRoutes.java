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
    /** How each session ended, as seen by the server. */
    static final LinkedBlockingQueue<WebSocketClose> closes = new LinkedBlockingQueue<>();

    @WebSocket("/echo")
    public CompletionStage<WebSocketListener> echo() {
        return CompletableFuture.completedFuture(new WebSocketListener() {
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
                closes.add(close);
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
            closes.add(ws.closeStatus().orElse(new WebSocketClose(0, "still open")));
        }
    }

    /** Takes longer than the handshake timeout to accept. */
    @WebSocket("/slow")
    public void slow(WebSocketSession ws) throws InterruptedException {
        Thread.sleep(1500);
        ws.accept();
    }
}
