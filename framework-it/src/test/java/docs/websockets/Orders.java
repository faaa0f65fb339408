package docs.websockets;

import dev.brisk.*;
import jakarta.validation.constraints.*;

public class Orders {
    public record Order(@NotBlank String item, @Min(1) int quantity) {}
    public record Placed(String item, int quantity, String status) {}

    @WebSocket("/ws/orders")
    public WebSocketJsonListener<Order> orders() {   // each text message is read as an Order, validated
        return (session, order) -> session.sendJson(new Placed(order.item(), order.quantity(), "placed"));
    }
}
