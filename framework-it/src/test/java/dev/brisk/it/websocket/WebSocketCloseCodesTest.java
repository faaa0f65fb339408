package dev.brisk.it.websocket;

import dev.brisk.App;
import dev.brisk.HttpException;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketClose;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketSession;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Close codes and reasons the app sends: its own, 1008 for HttpException, 1011 for a failure; reasons cut to 123 bytes. */
@BriskTest
class WebSocketCloseCodesTest {
    static final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();

    public static class Routes {
        @WebSocket("/closer")
        public WebSocketListener closer() {
            return new WebSocketListener() {
                private volatile String last = "";

                @Override
                public void onText(WebSocketSession s, String text) {
                    last = text;
                    switch (text) {
                        case "long" -> s.close(4001, "é".repeat(100));        // 200 bytes of UTF-8
                        case "emoji" -> s.close(4002, "x" + "😀".repeat(40));  // 4-byte characters
                        case "deny" -> throw new HttpException(403, "not in this room");
                        case "bad-code" -> {
                            try {
                                s.close(1006, "no");
                            } catch (IllegalArgumentException e) {
                                s.sendText("refused: " + e.getMessage());
                            }
                        }
                        default -> throw new IllegalArgumentException("boom: " + text);
                    }
                }

                @Override
                public void onError(WebSocketSession s, Throwable error) {
                    events.add(last + " error " + error.getClass().getSimpleName());
                }

                @Override
                public void onClose(WebSocketSession s, WebSocketClose close) {
                    events.add(last + " close " + close.code());
                }
            };
        }
    }

    static App app() {
        return App.builder().include(new Routes()).build();
    }

    /** Waits for an event of this test's session (sessions of earlier tests may still report their close). */
    private static void await(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String e;
        while ((e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (e.equals(expected)) return;
        }
        throw new AssertionError("no event " + expected);
    }

    @Test
    void aLongReasonIsCutTo123BytesOnACharacterBoundary(TestClient client) {
        try (var ws = client.websocket("/closer").connect()) {
            ws.sendText("long");
            var close = ws.awaitClose();
            assertThat(close.code()).isEqualTo(4001);
            assertThat(close.reason()).isEqualTo("é".repeat(61));
            assertThat(close.reason().getBytes(StandardCharsets.UTF_8)).hasSize(122);
        }
        try (var ws = client.websocket("/closer").connect()) {
            ws.sendText("emoji");
            var close = ws.awaitClose();
            assertThat(close.reason()).isEqualTo("x" + "😀".repeat(30));
            assertThat(close.reason().getBytes(StandardCharsets.UTF_8)).hasSize(121);
        }
    }

    @Test
    void anHttpExceptionInACallbackCloses1008WithItsDetail(TestClient client) throws Exception {
        try (var ws = client.websocket("/closer").connect()) {
            ws.sendText("deny");
            assertThat(ws.awaitClose()).isEqualTo(new WebSocketClose(1008, "not in this room"));
        }
        await("deny error HttpException");
        await("deny close 1008");
    }

    @Test
    void anyOtherExceptionCloses1011WithoutItsMessageAndIsRaisedInTheTest(TestClient client) throws Exception {
        var ws = client.websocket("/closer").connect();
        ws.sendText("secret-detail");
        assertThatThrownBy(ws::receiveText).isInstanceOf(IllegalArgumentException.class).hasMessage("boom: secret-detail");
        assertThat(ws.closeStatus()).hasValue(new WebSocketClose(1011, "Internal Server Error"));
        ws.close();
        await("secret-detail error IllegalArgumentException");
        await("secret-detail close 1011");
    }

    @Test
    void codesThatMayNotBeSentAreRefused(TestClient client) {
        try (var ws = client.websocket("/closer").connect()) {
            ws.sendText("bad-code");
            assertThat(ws.receiveText()).isEqualTo("refused: close code 1006 may not be sent");
        }
        assertThat(WebSocketClose.sendable(1005)).isFalse();
        assertThat(WebSocketClose.sendable(1015)).isFalse();
        assertThat(WebSocketClose.sendable(2000)).isFalse();
        assertThat(WebSocketClose.sendable(1012)).isTrue();
        assertThat(WebSocketClose.sendable(4999)).isTrue();
    }
}
