package dev.brisk;

/**
 * A {@link WebSocketListener} whose text messages are JSON values of type {@code T}: each is read
 * with the app's Jackson configuration and validated like a request body (Bean Validation on its
 * fields, required fields required) before {@link #onMessage} sees it. A malformed message closes
 * the session with 1007, an invalid one with 1008 (the reason names the first problem).
 *
 * <p>Declare {@code T} in the route's return type, so that Brisk knows it at startup:
 * <pre>{@code
 * @WebSocket("/ws/orders")
 * public WebSocketJsonListener<Order> orders() {
 *     return (session, order) -> session.sendJson(store.place(order));
 * }
 * }</pre>
 *
 * @param <T> the message type, usually a record
 */
@FunctionalInterface
public interface WebSocketJsonListener<T> extends WebSocketListener {
    /** A valid message. */
    void onMessage(WebSocketSession session, T message) throws Exception;
}
