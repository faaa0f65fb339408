package dev.brisk.test;

/**
 * The app answered a WebSocket handshake with an HTTP response instead of switching protocols
 * (401, 403, 404, 422, ...): thrown by {@link WebSocketRequest#connect()}, carrying that response.
 *
 * <pre>{@code
 * var denied = assertThrows(WebSocketDeniedException.class, () -> client.websocket("/ws/secure").connect());
 * assertThat(denied.response().status()).isEqualTo(403);
 * }</pre>
 */
public final class WebSocketDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient TestResponse response;

    WebSocketDeniedException(String target, TestResponse response) {
        super("The WebSocket handshake of " + target + " was answered " + response.status() + " " + response.text(), null, false, false);
        this.response = response;
    }

    /** The HTTP response the app gave instead of the handshake. */
    public TestResponse response() {
        return response;
    }
}
