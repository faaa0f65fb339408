package dev.brisk.it.websocket;

import dev.brisk.App;
import dev.brisk.HttpException;
import dev.brisk.Query;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketClose;
import dev.brisk.WebSocketClosedException;
import dev.brisk.WebSocketMessage;
import dev.brisk.WebSocketSession;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import dev.brisk.test.WebSocketDeniedException;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The sequential style: a void handler on a worker that receives with blocking calls, like Starlette's receive_text(). */
@BriskTest
class WebSocketSequentialTest {
    static final LinkedBlockingQueue<String> ends = new LinkedBlockingQueue<>();

    public record Note(@NotBlank String text, int times) {
    }

    public static class Routes {
        @WebSocket("/chat")
        public void chat(WebSocketSession ws) {
            String thread = Thread.currentThread().getName();
            ws.sendText("on " + (thread.startsWith("brisk-loop") ? "loop" : "worker"));
            try {
                while (true) {
                    String text = ws.receiveText();
                    if (text.equals("bye")) return;   // returning closes with 1000
                    ws.sendText("you said " + text);
                }
            } finally {
                ends.add("ended");
            }
        }

        @WebSocket("/notes")
        public void notes(WebSocketSession ws) {
            ws.accept();
            Note n = ws.receiveJson(Note.class);
            ws.sendJson(Map.of("text", n.text().repeat(n.times())));
            var next = ws.receive(Duration.ofMillis(50));
            ws.sendText(next.isPresent() ? "more" : "quiet");
            WebSocketMessage m = ws.receive();
            ws.sendText(m instanceof WebSocketMessage.Binary b ? "binary " + b.data().length : "text");
        }

        @WebSocket("/protocols")
        public void protocols(WebSocketSession ws) {
            ws.accept(ws.requestedSubprotocols().contains("v2") ? "v2" : null);
            ws.sendText(ws.subprotocol().orElse("none"));
        }

        @WebSocket("/gate")
        public void gate(WebSocketSession ws, @Query String who) {
            if (who.equals("intruder")) throw new HttpException(401, "Not authenticated", Map.of("WWW-Authenticate", "Bearer"));
            if (who.equals("nobody")) return;              // returns without accepting: refused, 403
            if (who.equals("closer")) {
                ws.close(1008, "not you");                  // closing before the handshake refuses it too
                return;
            }
            ws.sendText("hello " + who);
        }

        @WebSocket("/strict")
        public void strict(WebSocketSession ws) {
            ws.sendText("ready");
            ws.receiveText();
        }

        @WebSocket("/fails")
        public void fails(WebSocketSession ws) {
            ws.accept();
            throw new IllegalStateException("the handler broke");
        }

        @WebSocket("/until-closed")
        public void untilClosed(WebSocketSession ws) {
            ws.accept();
            try {
                ws.receive();
            } catch (WebSocketClosedException e) {
                ends.add("closed " + e.code());
                throw e;
            }
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
    void theHandlerRunsOnAWorkerAndReadsInALoop(TestClient client) throws Exception {
        ends.clear();
        var ws = client.websocket("/chat").connect();
        assertThat(ws.receiveText()).isEqualTo("on worker");
        ws.sendText("one");
        ws.sendText("two");
        assertThat(ws.receiveText()).isEqualTo("you said one");
        assertThat(ws.receiveText()).isEqualTo("you said two");
        ws.sendText("bye");
        assertThat(ws.awaitClose().code()).isEqualTo(WebSocketClose.NORMAL);
        awaitEvent(ends, "ended");
        ws.close();
    }

    @Test
    void jsonMessagesAreReadAndValidatedAndTimeoutsAreOptional(TestClient client) {
        try (var ws = client.websocket("/notes").connect()) {
            ws.sendJson(Map.of("text", "ab", "times", 3));
            assertThat(ws.receiveJson().get("text").asText()).isEqualTo("ababab");
            assertThat(ws.receiveText()).isEqualTo("quiet");
            ws.sendBinary(new byte[7]);
            assertThat(ws.receiveText()).isEqualTo("binary 7");
        }
    }

    @Test
    void anInvalidJsonMessageThatEscapesClosesWith1008AndSaysWhy(TestClient client) {
        try (var ws = client.websocket("/notes").connect()) {
            ws.sendJson(Map.of("text", "", "times", 1));
            var close = ws.awaitClose();
            assertThat(close.code()).isEqualTo(WebSocketClose.POLICY_VIOLATION);
            assertThat(close.reason()).startsWith("invalid message: text: ");
        }
        try (var ws = client.websocket("/notes").connect()) {
            ws.sendText("{not json");
            assertThat(ws.awaitClose().code()).isEqualTo(WebSocketClose.INVALID_DATA);
        }
    }

    @Test
    void aSubprotocolIsChosenFromTheOffered(TestClient client) {
        try (var ws = client.websocket("/protocols").subprotocols("v1", "v2").connect()) {
            assertThat(ws.subprotocol()).hasValue("v2");
            assertThat(ws.receiveText()).isEqualTo("v2");
        }
        try (var ws = client.websocket("/protocols").subprotocols("v1").connect()) {
            assertThat(ws.subprotocol()).isEmpty();
            assertThat(ws.receiveText()).isEqualTo("none");
        }
    }

    @Test
    void beforeTheHandshakeFailuresAreHttpResponses(TestClient client) {
        var denied = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/gate").query("who", "intruder").connect());
        assertThat(denied.response().status()).isEqualTo(401);
        assertThat(denied.response().header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(denied.response().text()).isEqualTo("{\"detail\":\"Not authenticated\"}");

        var nobody = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/gate").query("who", "nobody").connect());
        assertThat(nobody.response().status()).isEqualTo(403);
        assertThat(nobody.response().text()).isEqualTo("{\"detail\":\"Forbidden\"}");
        var closer = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/gate").query("who", "closer").connect());
        assertThat(closer.response().status()).isEqualTo(403);

        try (var ws = client.websocket("/gate").query("who", "ann").connect()) {
            assertThat(ws.receiveText()).isEqualTo("hello ann");
        }
    }

    @Test
    void aBinaryMessageWhereTextIsExpectedCloses1003(TestClient client) {
        try (var ws = client.websocket("/strict").connect()) {
            assertThat(ws.receiveText()).isEqualTo("ready");
            ws.sendBinary(new byte[] {1});
            assertThat(ws.awaitClose().code()).isEqualTo(WebSocketClose.UNSUPPORTED_DATA);
        }
    }

    @Test
    void anExceptionAfterTheHandshakeCloses1011AndIsRaisedInTheTest(TestClient client) {
        var ws = client.websocket("/fails").connect();
        assertThatThrownBy(ws::receiveText).isInstanceOf(IllegalStateException.class).hasMessage("the handler broke");
        assertThat(ws.closeStatus()).hasValue(new WebSocketClose(1011, "Internal Server Error"));
        ws.close();
    }

    @Test
    void theClientsCloseEndsABlockedReceive(TestClient client) throws Exception {
        ends.clear();
        var ws = client.websocket("/until-closed").connect();
        ws.close(4002, "done");
        awaitEvent(ends, "closed 4002");
    }
}
