package dev.brisk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One WebSocket connection, handed to a {@link WebSocket} route as a parameter and to its
 * {@link WebSocketListener}. Sending and closing are safe from any thread; sends are queued in
 * order and never block. Receiving (the sequential style) blocks the calling worker thread.
 *
 * <p>What a client may not send is bounded ({@link WebSocketSettings}): frames of 64 KiB, messages
 * of 1 MiB (1009 above), and what the server queues for a client that does not read is bounded too
 * (that client is closed with 1013).
 */
public interface WebSocketSession {
    /** A unique id of this session (for logs and maps). */
    String id();

    /** The upgrade request: its path, headers, query and cookies. */
    Request request();

    /** The sub-protocols the client offered ({@code Sec-WebSocket-Protocol}), in its order of preference. */
    List<String> requestedSubprotocols();

    /** The sub-protocol chosen by {@link #accept(String)}, if any. */
    Optional<String> subprotocol();

    /**
     * Completes the handshake now (the sequential style; the first send or receive does it
     * implicitly) and waits until it is done. In the listener style it only confirms that the
     * handshake is to happen when the route method returns.
     *
     * @throws WebSocketClosedException when the connection went away first
     */
    void accept();

    /** Like {@link #accept()}, answering with {@code subprotocol}, which must be one the client offered. */
    void accept(String subprotocol);

    /** True from the handshake until the session starts closing. */
    boolean isOpen();

    /** Sends a text message; the stage completes when it is written (fails if the session is closed). */
    CompletionStage<Void> sendText(String text);

    /** Sends a binary message (the array is copied). */
    CompletionStage<Void> sendBinary(byte[] data);

    /** Sends {@code value} as a JSON text message, written with the app's Jackson configuration. */
    CompletionStage<Void> sendJson(Object value);

    /** Sends a ping with up to 125 bytes of payload; the client answers with a pong. */
    CompletionStage<Void> ping(byte[] payload);

    /** Closes with 1000 (normal). */
    void close();

    /**
     * Starts the closing handshake with {@code code} (see {@link WebSocketClose#sendable}) and
     * {@code reason} (cut to 123 bytes). Before the handshake it refuses the connection: 403.
     */
    void close(int code, String reason);

    /** How the session closed, once it has; empty while it is open. */
    Optional<WebSocketClose> closeStatus();

    /** Waits for the next message (sequential style). @throws WebSocketClosedException once the session is closed */
    WebSocketMessage receive();

    /** Waits up to {@code timeout} for the next message; empty when none came. */
    Optional<WebSocketMessage> receive(Duration timeout);

    /** Waits for the next message, which must be text (a binary one closes the session with 1003). */
    String receiveText();

    /** Waits for the next message, which must be binary (a text one closes the session with 1003). */
    byte[] receiveBinary();

    /**
     * Waits for the next message and reads it as JSON of {@code type}, validated like a request body.
     *
     * @throws RequestValidationException when it is malformed or invalid (the session stays open;
     *         if the exception escapes the handler, the session closes with 1007 or 1008)
     */
    <T> T receiveJson(Class<T> type);

    /** Reads {@code json} (a message already received) as a {@code T}, validated; as {@link #receiveJson}. */
    <T> T decodeJson(String json, Class<T> type);

    /** Attributes of this session for the app's own use (thread-safe; no null values). */
    Map<String, Object> attributes();
}
