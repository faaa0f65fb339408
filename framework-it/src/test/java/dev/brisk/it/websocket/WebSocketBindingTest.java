package dev.brisk.it.websocket;

import dev.brisk.App;
import dev.brisk.Cookie;
import dev.brisk.Depends;
import dev.brisk.Get;
import dev.brisk.Header;
import dev.brisk.HttpException;
import dev.brisk.Provides;
import dev.brisk.Query;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketSession;
import dev.brisk.test.BriskTest;
import dev.brisk.test.TestClient;
import dev.brisk.test.WebSocketDeniedException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A WebSocket route's parameters bind like an HTTP route's, and bad ones are answered before the handshake. */
@BriskTest
class WebSocketBindingTest {
    static final LinkedBlockingQueue<String> log = new LinkedBlockingQueue<>();

    public record User(String name) {
    }

    /** A dependency with a cleanup: it must live as long as the session, not just the handshake. */
    public static final class Db implements AutoCloseable {
        @Override
        public void close() {
            log.add("db closed");
        }
    }

    public static class Security {
        @Provides
        public static User user(@Header("x-token") Optional<String> token) {
            if (token.isEmpty()) throw new HttpException(401, "Not authenticated", Map.of("WWW-Authenticate", "Bearer"));
            if (!token.get().equals("secret")) throw new HttpException(403, "Forbidden");
            return new User("ann");
        }

        @Provides
        public static Db db() {
            log.add("db opened");
            return new Db();
        }
    }

    public static class Routes {
        @WebSocket("/rooms/{room}")
        public WebSocketListener room(String room, @Query @Size(min = 1, max = 20) String name, @Query(defaultValue = "5") @Max(10) int limit,
                                      @Header("x-client") Optional<String> client, @Cookie Optional<String> theme) {
            return new WebSocketListener() {
                @Override
                public void onOpen(WebSocketSession s) {
                    s.sendText(room + "|" + name + "|" + limit + "|" + client.orElse("-") + "|" + theme.orElse("-"));
                }
            };
        }

        @WebSocket("/me")
        public WebSocketListener me(@Depends User user) {
            return new WebSocketListener() {
                @Override
                public void onText(WebSocketSession s, String text) {
                    s.sendText(user.name() + ": " + text);
                }
            };
        }

        @WebSocket("/me/db")
        public WebSocketListener meDb(@Depends User user, Db db) {
            return new WebSocketListener() {
                @Override
                public void onText(WebSocketSession s, String text) {
                    log.add("message with db");
                    s.sendText(user.name() + ": " + text);
                }
            };
        }

        @WebSocket("/me/sequential")
        public void meSequential(WebSocketSession ws, Db db) {
            ws.sendText("hi");
            ws.receiveText();
        }

        @Get("/both")
        public String both() {
            return "plain GET";
        }

        @WebSocket("/both")
        public WebSocketListener bothWs() {
            return new WebSocketListener() {
                @Override
                public void onOpen(WebSocketSession s) {
                    s.sendText("websocket");
                }
            };
        }
    }

    static App app() {
        return App.builder().include(new Routes()).include(Security.class).build();
    }

    @Test
    void pathQueryHeaderAndCookieValuesBind(TestClient client) {
        try (var ws = client.websocket("/rooms/kitchen?name=ann&limit=7").header("x-client", "cli").cookie("theme", "dark").connect()) {
            assertThat(ws.receiveText()).isEqualTo("kitchen|ann|7|cli|dark");
        }
        try (var ws = client.websocket("/rooms/hall").query("name", "bob").connect()) {
            assertThat(ws.receiveText()).isEqualTo("hall|bob|5|-|-");
        }
    }

    @Test
    void invalidParametersAre422WithFastApisBodyBeforeTheHandshake(TestClient client) {
        var missing = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/rooms/x").connect());
        assertThat(missing.response().status()).isEqualTo(422);
        assertThat(missing.response().text()).isEqualTo(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"name\"],\"msg\":\"Field required\",\"input\":null}]}");
        var bad = assertThrows(WebSocketDeniedException.class,
                () -> client.websocket("/rooms/x").query("name", "a".repeat(21)).query("limit", "abc").connect());
        assertThat(bad.response().status()).isEqualTo(422);
        assertThat(bad.response().json().get("detail")).hasSize(2);
        assertThat(bad.response().json().get("detail").get(0).get("type").asText()).isEqualTo("size");
        assertThat(bad.response().json().get("detail").get(1).get("loc").toString()).isEqualTo("[\"query\",\"limit\"]");
        assertThat(bad.response().json().get("detail").get(1).get("type").asText()).isEqualTo("int_parsing");
    }

    @Test
    void aDependencysHttpExceptionIsItsResponse(TestClient client) {
        var none = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/me").connect());
        assertThat(none.response().status()).isEqualTo(401);
        assertThat(none.response().header("WWW-Authenticate")).isEqualTo("Bearer");
        var wrong = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/me").header("x-token", "guess").connect());
        assertThat(wrong.response().status()).isEqualTo(403);
        assertThat(wrong.response().text()).isEqualTo("{\"detail\":\"Forbidden\"}");
    }

    @Test
    void dependencyCleanupsRunWhenTheSessionEndsNotAfterTheHandshake(TestClient client) throws Exception {
        log.clear();
        var ws = client.websocket("/me/db").header("x-token", "secret").connect();
        ws.sendText("hello");
        assertThat(ws.receiveText()).isEqualTo("ann: hello");
        assertThat(log.poll(5, TimeUnit.SECONDS)).isEqualTo("db opened");
        assertThat(log.poll(5, TimeUnit.SECONDS)).isEqualTo("message with db");
        assertThat(log.poll(100, TimeUnit.MILLISECONDS)).isNull();
        ws.close();
        assertThat(log.poll(5, TimeUnit.SECONDS)).isEqualTo("db closed");

        log.clear();
        var seq = client.websocket("/me/sequential").connect();
        assertThat(seq.receiveText()).isEqualTo("hi");
        assertThat(log.poll(5, TimeUnit.SECONDS)).isEqualTo("db opened");
        assertThat(log.poll(100, TimeUnit.MILLISECONDS)).isNull();
        seq.sendText("done");
        assertThat(log.poll(5, TimeUnit.SECONDS)).isEqualTo("db closed");
        seq.close();
    }

    @Test
    void noRouteIs404AndAPlainRequestToAWebSocketPathIs426(TestClient client) {
        var none = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/nowhere").connect());
        assertThat(none.response().status()).isEqualTo(404);
        assertThat(none.response().text()).isEqualTo("{\"detail\":\"Not Found\"}");

        var plain = client.get("/rooms/x?name=a");
        assertThat(plain.status()).isEqualTo(426);
        assertThat(plain.header("Upgrade")).isEqualTo("websocket");
        var post = client.post("/rooms/x", Map.of());
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET");
    }

    @Test
    void aPathWithBothKindsOfRouteServesEach(TestClient client) {
        assertThat(client.get("/both").text()).isEqualTo("plain GET");
        try (var ws = client.websocket("/both").connect()) {
            assertThat(ws.receiveText()).isEqualTo("websocket");
        }
        assertThat(List.of(1)).hasSize(1);
    }
}
