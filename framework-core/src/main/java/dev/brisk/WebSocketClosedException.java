package dev.brisk;

/**
 * The WebSocket session is closed: thrown by {@link WebSocketSession#receive()} and its siblings
 * once the connection has closed (the twin of Starlette's {@code WebSocketDisconnect}), and the cause
 * of a failed send. Escaping a handler, it ends the session quietly.
 */
public final class WebSocketClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient WebSocketClose close;

    public WebSocketClosedException(WebSocketClose close) {
        super("WebSocket closed: " + close.code() + (close.reason().isEmpty() ? "" : " " + close.reason()), null, false, false);
        this.close = close;
    }

    /** How the session closed. */
    public WebSocketClose close() {
        return close;
    }

    /** The close code, e.g. 1000 or 1001. */
    public int code() {
        return close.code();
    }
}
