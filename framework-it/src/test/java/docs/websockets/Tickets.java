package docs.websockets;

import dev.brisk.*;
import java.util.Optional;

public class Tickets {
    public record Ticket(String user) {}

    @Provides                                         // runs before the handshake: its HttpException is the HTTP answer
    public static Ticket ticket(@Query Optional<String> ticket) {
        return ticket.filter(t -> t.startsWith("t-")).map(Ticket::new)
                .orElseThrow(() -> new HttpException(401, "Not authenticated"));
    }

    @WebSocket("/ws/feed")
    public WebSocketListener feed(Ticket ticket) {
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocketSession session) {
                session.sendText("hello " + ticket.user());
            }
        };
    }
}
