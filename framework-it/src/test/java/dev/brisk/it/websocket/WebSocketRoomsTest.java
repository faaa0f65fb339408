package dev.brisk.it.websocket;

import dev.brisk.it.Eventually;

import dev.brisk.App;
import dev.brisk.Path;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketRoom;
import dev.brisk.WebSocketRooms;
import dev.brisk.WebSocketSession;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import dev.brisk.test.TestWebSocket;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Rooms: broadcasts from any thread, sessions that leave by closing, named rooms that disappear when empty. */
@BriskTest
class WebSocketRoomsTest {
    static final WebSocketRooms rooms = new WebSocketRooms();
    static final WebSocketRoom lobby = new WebSocketRoom();

    public static class Routes {
        @WebSocket("/rooms/{name}")
        public WebSocketListener room(@Path String name) {
            return new WebSocketListener() {
                @Override
                public void onOpen(WebSocketSession s) {
                    int n = rooms.join(name, s).size();
                    s.sendText("joined " + name + " with " + n);
                }

                @Override
                public void onText(WebSocketSession s, String text) {
                    rooms.room(name).orElseThrow().broadcast(text);
                }
            };
        }

        @WebSocket("/lobby")
        public WebSocketListener lobby() {
            return new WebSocketListener() {
                @Override
                public void onOpen(WebSocketSession s) {
                    lobby.join(s);
                    s.sendText("in");
                }
            };
        }
    }

    static App app() {
        return App.builder().include(new Routes()).build();
    }

    @Test
    void aMessageReachesEveryoneInTheRoomAndNoOneElse(TestClient client) {
        var a = client.websocket("/rooms/red").connect();
        assertThat(a.receiveText()).isEqualTo("joined red with 1");
        var b = client.websocket("/rooms/red").connect();
        assertThat(b.receiveText()).isEqualTo("joined red with 2");
        var other = client.websocket("/rooms/blue").connect();
        assertThat(other.receiveText()).isEqualTo("joined blue with 1");
        a.sendText("hi reds");
        assertThat(a.receiveText()).isEqualTo("hi reds");
        assertThat(b.receiveText()).isEqualTo("hi reds");
        other.sendText("hi blues");
        assertThat(other.receiveText()).isEqualTo("hi blues");

        b.close();
        Eventually.until(() -> rooms.room("red").orElseThrow().size() == 1);
        a.sendText("alone");
        assertThat(a.receiveText()).isEqualTo("alone");
        a.close();
        other.close();
        Eventually.until(() -> rooms.names().isEmpty());
    }

    @Test
    void broadcastsFromManyThreadsReachEveryMemberWhole(TestClient client) throws Exception {
        var sockets = new ArrayList<TestWebSocket>();
        for (int i = 0; i < 5; i++) {
            var ws = client.websocket("/lobby").connect();
            assertThat(ws.receiveText()).isEqualTo("in");
            sockets.add(ws);
        }
        Eventually.until(() -> lobby.size() == 5);
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            var th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 25; i++) lobby.broadcastJson(Map.of("from", id, "n", i));
            });
            th.start();
            threads.add(th);
        }
        start.countDown();
        for (var th : threads) th.join(TimeUnit.SECONDS.toMillis(10));
        for (var ws : sockets) {
            var last = new int[4];
            java.util.Arrays.fill(last, -1);
            for (int i = 0; i < 100; i++) {
                var m = ws.receiveJson();
                int from = m.get("from").asInt();
                int n = m.get("n").asInt();
                assertThat(n).as("messages of one sender stay in order").isEqualTo(last[from] + 1);
                last[from] = n;
            }
            ws.close();
        }
        Eventually.until(() -> lobby.size() == 0);
        assertThat(lobby.broadcast("nobody")).isZero();
    }
}
