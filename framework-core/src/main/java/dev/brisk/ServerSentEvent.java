package dev.brisk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One server-sent event, for an {@link EventStream} that needs more than a data payload: an event
 * name, an id (which the browser sends back as {@code Last-Event-ID} when it reconnects), a retry
 * delay or a comment. Immutable; each {@code with...} returns a new event.
 *
 * <pre>{@code
 * ServerSentEvent.of(new Tick(3)).withEvent("tick").withId("3")
 * }</pre>
 *
 * <p>On the wire a {@code String} payload is sent as it is (a multi-line string as several
 * {@code data:} lines); any other payload as JSON, with the app's Jackson configuration.
 */
public final class ServerSentEvent {
    private final Object data;
    private final String event;
    private final String id;
    private final Duration retry;
    private final String comment;

    private ServerSentEvent(Object data, String event, String id, Duration retry, String comment) {
        this.data = data;
        this.event = event;
        this.id = id;
        this.retry = retry;
        this.comment = comment;
    }

    /** An event with {@code data} as its payload (a String as is, anything else as JSON). */
    public static ServerSentEvent of(Object data) {
        return new ServerSentEvent(Objects.requireNonNull(data, "data"), null, null, null, null);
    }

    /** A comment only ({@code : text}), which clients ignore; e.g. to keep a connection open. */
    public static ServerSentEvent comment(String text) {
        return new ServerSentEvent(null, null, null, null, Objects.requireNonNull(text, "text"));
    }

    /**
     * The event's name ({@code event:}); the browser dispatches it to {@code addEventListener(name, ...)}.
     *
     * @throws IllegalArgumentException when it contains a line break
     */
    public ServerSentEvent withEvent(String name) {
        return new ServerSentEvent(data, singleLine("event", name), id, retry, comment);
    }

    /**
     * The event's id ({@code id:}).
     *
     * @throws IllegalArgumentException when it contains a line break or a NUL character
     */
    public ServerSentEvent withId(String id) {
        if (Objects.requireNonNull(id, "id").indexOf('\0') >= 0) throw new IllegalArgumentException("an event id must not contain NUL");
        return new ServerSentEvent(data, event, singleLine("id", id), retry, comment);
    }

    /**
     * How long the client waits before reconnecting ({@code retry:}, in milliseconds).
     *
     * @throws IllegalArgumentException when negative
     */
    public ServerSentEvent withRetry(Duration retry) {
        if (Objects.requireNonNull(retry, "retry").isNegative()) throw new IllegalArgumentException("retry must be >= 0: " + retry);
        return new ServerSentEvent(data, event, id, retry, comment);
    }

    /** A comment sent before the event's fields (several lines allowed). */
    public ServerSentEvent withComment(String text) {
        return new ServerSentEvent(data, event, id, retry, Objects.requireNonNull(text, "text"));
    }

    /** The payload, if any. */
    public Optional<Object> data() {
        return Optional.ofNullable(data);
    }

    /** The event's name, if set. */
    public Optional<String> event() {
        return Optional.ofNullable(event);
    }

    /** The event's id, if set. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The reconnection delay, if set. */
    public Optional<Duration> retry() {
        return Optional.ofNullable(retry);
    }

    /** The comment, if set. */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    private static String singleLine(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an event " + field + " must be a single line");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ServerSentEvent[" + (event == null ? "" : "event=" + event + ", ") + (id == null ? "" : "id=" + id + ", ")
                + (data == null ? "" : "data=" + data) + (comment == null ? "" : " comment=" + comment) + "]";
    }
}
