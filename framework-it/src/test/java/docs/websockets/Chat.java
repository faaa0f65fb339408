package docs.websockets;

import dev.brisk.*;
import jakarta.validation.constraints.Size;

@Router(prefix = "/ws")
public class Chat {
    private final WebSocketRooms rooms = new WebSocketRooms();

    @WebSocket("/chat/{room}")                      // bound like an HTTP route: path, query, header, cookie, @Depends
    public WebSocketListener chat(String room, @Query @Size(min = 1, max = 20) String name) {
        return new WebSocketListener() {            // one listener per connection; its callbacks never overlap
            @Override
            public void onOpen(WebSocketSession session) {
                rooms.join(room, session);          // leaves by itself when the session closes
            }

            @Override
            public void onText(WebSocketSession session, String text) {
                rooms.room(room).ifPresent(r -> r.broadcast(name + ": " + text));
            }
        };
    }
}
