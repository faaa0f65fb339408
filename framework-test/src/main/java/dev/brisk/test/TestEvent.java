package dev.brisk.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One server-sent event read by {@link TestStream#nextEvent()}, parsed as a browser's
 * {@code EventSource} parses it: the {@code data} lines joined with {@code \n}, the event name
 * ({@code message} when none is given), the id and retry fields, and the comments before it.
 */
public final class TestEvent {
    private final String event;
    private final String data;
    private final String id;
    private final Long retry;
    private final List<String> comments;
    private final ObjectMapper mapper;

    TestEvent(String event, String data, String id, Long retry, List<String> comments, ObjectMapper mapper) {
        this.event = event;
        this.data = data;
        this.id = id;
        this.retry = retry;
        this.comments = List.copyOf(comments);
        this.mapper = mapper;
    }

    /** The event's name; {@code message} when it has none. */
    public String event() {
        return event;
    }

    /** The data, its lines joined with {@code \n} (empty when the event has no data field). */
    public String data() {
        return data;
    }

    /** The data read as JSON. */
    public JsonNode json() {
        try {
            return mapper.readTree(data);
        } catch (IOException e) {
            throw new AssertionError("The event's data is not JSON: " + this, e);
        }
    }

    /** The data read as {@code type}. */
    public <T> T json(Class<T> type) {
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            throw new AssertionError("The event's data cannot be read as " + type.getName() + ": " + this, e);
        }
    }

    /** The id field, if the event has one. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The retry field (milliseconds), if the event has a valid one. */
    public Optional<Long> retry() {
        return Optional.ofNullable(retry);
    }

    /** Comment lines ({@code : text}) in the event's block, without the colon and the space after it. */
    public List<String> comments() {
        return comments;
    }

    @Override
    public String toString() {
        return "TestEvent[event=" + event + (id == null ? "" : ", id=" + id) + (retry == null ? "" : ", retry=" + retry)
                + ", data=" + data + (comments.isEmpty() ? "" : ", comments=" + comments) + "]";
    }
}
