package dev.brisk;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rooms by name, made when the first session joins and dropped when the last one leaves, so that
 * names chosen by clients (a chat's {@code /ws/chat/{room}}) cannot pile up. Thread-safe.
 *
 * <pre>{@code
 * WebSocketRooms rooms = new WebSocketRooms();
 * rooms.join("kitchen", session).broadcast("someone joined");
 * }</pre>
 */
public final class WebSocketRooms {
    private final ConcurrentHashMap<String, WebSocketRoom> rooms = new ConcurrentHashMap<>();

    /** Adds {@code session} to the room {@code name} (made if needed) and returns the room. */
    public WebSocketRoom join(String name, WebSocketSession session) {
        return join(name, session, new boolean[1]);
    }

    WebSocketRoom join(String name, WebSocketSession session, boolean[] added) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(session, "session");
        // Members are added under the map's lock for the name, so a room is never dropped while one joins.
        var out = new WebSocketRoom[1];
        rooms.compute(name, (k, r) -> {
            var room = r != null ? r : new WebSocketRoom(this, k);
            added[0] = room.add(session);
            out[0] = room;
            return room.isEmpty() ? null : room;
        });
        return out[0];
    }

    /** The room {@code name}, if some session is in it. */
    public Optional<WebSocketRoom> room(String name) {
        return Optional.ofNullable(rooms.get(name));
    }

    /** The names of the rooms that have members. */
    public Set<String> names() {
        return Set.copyOf(rooms.keySet());
    }

    void dropIfEmpty(String name, WebSocketRoom room) {
        rooms.computeIfPresent(name, (k, r) -> r == room && r.isEmpty() ? null : r);
    }

    @Override
    public String toString() {
        return "WebSocketRooms" + names();
    }
}
