package dev.brisk;

/**
 * The events of one WebSocket session, for routes in the listener style: a {@link WebSocket} method
 * returns a new listener per connection. Callbacks of one session never overlap and arrive in order.
 * They run where the route does: on the worker pool for a method returning the listener, on the
 * connection's event loop for one returning {@code CompletionStage<WebSocketListener>}.
 *
 * <p>An exception thrown by a callback goes to {@link #onError}, then closes the session: 1008 for a
 * {@link RequestValidationException} or an {@link HttpException} (its detail is the reason), 1007 for
 * malformed JSON, 1011 for anything else (logged with its stack trace; the reason says only
 * "Internal Server Error").
 */
public interface WebSocketListener {
    /** The handshake is done; sending is possible. */
    default void onOpen(WebSocketSession session) throws Exception {
    }

    /** A complete text message (fragments already joined, UTF-8 checked). */
    default void onText(WebSocketSession session, String text) throws Exception {
    }

    /** A complete binary message. */
    default void onBinary(WebSocketSession session, byte[] data) throws Exception {
    }

    /**
     * The session has ended, for whatever reason: called exactly once, last. {@code close} is the
     * status the peer sent (or the server's own, when the server closed first);
     * {@link WebSocketClose#ABNORMAL} when the connection dropped without a close frame.
     */
    default void onClose(WebSocketSession session, WebSocketClose close) {
    }

    /** A callback of this listener threw {@code error}; the session closes right after. */
    default void onError(WebSocketSession session, Throwable error) {
    }
}
