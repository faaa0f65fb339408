package dev.brisk.examples.tour;

import dev.brisk.Header;
import dev.brisk.HttpException;
import dev.brisk.Path;
import dev.brisk.Provides;
import dev.brisk.Query;
import dev.brisk.Router;
import dev.brisk.WebSocket;
import dev.brisk.WebSocketListener;
import dev.brisk.WebSocketRooms;
import dev.brisk.WebSocketSession;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/**
 * The tour's WebSocket routes: an echo that also answers JSON requests, chat rooms, and a route
 * whose handshake needs a token. Include it with {@code App.builder().include(new WebSocketRoutes())}.
 */
@Router(prefix = "/tour/ws", tags = "websockets")
public class WebSocketRoutes {
    /** A JSON request to the echo: {@code {"op":"upper","text":"..."}}. */
    public record Op(@NotNull @Pattern(regexp = "upper") String op, @NotNull @Size(max = 10_000) String text) {
    }

    /** The echo's JSON answer. */
    public record Text(String text) {
    }

    /** Proof that the handshake carried the token. */
    public record Token(String value) {
    }

    private final WebSocketRooms rooms = new WebSocketRooms();

    /** Text comes back as it is; a JSON object is an {@link Op}, validated (an invalid one closes the session with 1008). */
    @WebSocket(value = "/echo", summary = "Echo", description = "Echoes text; {\"op\":\"upper\",\"text\":s} answers {\"text\":S}.")
    public WebSocketListener echo() {
        return new WebSocketListener() {
            @Override
            public void onText(WebSocketSession session, String text) {
                if (!text.stripLeading().startsWith("{")) {
                    session.sendText(text);
                    return;
                }
                Op op = session.decodeJson(text, Op.class);
                session.sendJson(new Text(op.text().toUpperCase(java.util.Locale.ROOT)));
            }
        };
    }

    /** Everyone in {@code room} gets {@code "<name>: <text>"} for each message of each member. */
    @WebSocket(value = "/chat/{room}", summary = "Chat room", description = "Broadcasts \"<name>: <text>\" to everyone in the room.")
    public WebSocketListener chat(@Path @Size(min = 1, max = 40) String room, @Query @Size(min = 1, max = 20) String name) {
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocketSession session) {
                rooms.join(room, session);
            }

            @Override
            public void onText(WebSocketSession session, String text) {
                rooms.room(room).ifPresent(r -> r.broadcast(name + ": " + text));
            }
        };
    }

    /** Needs {@code x-token: secret} on the upgrade request; otherwise 403 before the handshake. */
    @WebSocket(value = "/secure", summary = "Secure echo", description = "Requires the header x-token: secret on the upgrade.")
    public WebSocketListener secure(Token token) {
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocketSession session) {
                session.sendText("welcome");
            }

            @Override
            public void onText(WebSocketSession session, String text) {
                session.sendText("secure: " + text);
            }
        };
    }

    /** The token check, a dependency like an HTTP route's: it runs before the handshake. */
    @Provides
    public static Token token(@Header("x-token") Optional<String> token) {
        if (token.isEmpty() || !token.get().equals("secret")) throw new HttpException(403, "Forbidden");
        return new Token(token.get());
    }

    /** The rooms of the chat route (for tests and operators). */
    public WebSocketRooms rooms() {
        return rooms;
    }
}
