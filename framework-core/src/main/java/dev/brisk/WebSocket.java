package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a method to WebSocket connections on a path relative to the class's {@link Router#prefix()}.
 * Its parameters bind from the upgrade request exactly like an HTTP route's (path, query, header,
 * cookie, {@link Depends}, Bean Validation): bad input is answered before the handshake, as an HTTP
 * response (422 with FastAPI's body, 401/403 from a dependency's {@link HttpException}). A
 * {@link WebSocketSession} parameter gives the connection.
 *
 * <p>Two styles, told apart by the return type:
 * <ul>
 *   <li><b>listener</b>: return a {@link WebSocketListener} (or a {@link WebSocketJsonListener});
 *       the handshake completes when the method returns and the listener receives the session's
 *       events. The method and its callbacks run on the worker pool, one callback at a time per
 *       session, in order; a method returning {@code CompletionStage<WebSocketListener>} and its
 *       callbacks run on the connection's event loop instead (they must not block; {@link Blocking}
 *       moves them back to the worker pool).</li>
 *   <li><b>sequential</b>: return {@code void} and take a {@link WebSocketSession}; the method runs on
 *       a worker (a virtual thread on Java 21+) for the whole session and reads with
 *       {@link WebSocketSession#receiveText()} and its siblings, which block that thread only. The
 *       handshake completes on {@link WebSocketSession#accept()} or the first send or receive; an
 *       exception thrown before it is an HTTP response. The session closes (1000) when the method returns.</li>
 * </ul>
 *
 * <p>WebSocket routes are not OpenAPI operations: the document leaves them out. See
 * {@link WebSocketSettings} for the limits, the Origin check and compression.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WebSocket {
    /** Path template relative to the router prefix, e.g. {@code "/ws/{room}"}; empty means the prefix itself. */
    String value() default "";
    /** Short summary, shown on the docs page of WebSocket routes. */
    String summary() default "";
    /** Longer description, shown on the docs page of WebSocket routes. */
    String description() default "";
}
