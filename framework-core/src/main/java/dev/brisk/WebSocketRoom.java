package dev.brisk;

import dev.brisk.internal.websocket.Fanout;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A set of WebSocket sessions to broadcast to, safe to use from any thread. A session leaves by
 * itself when it closes. A broadcast encodes the message once and queues it for every member; a
 * member that does not keep up is closed (1013) by its own outbound limit, never slowing the others.
 *
 * <pre>{@code
 * WebSocketRoom lobby = new WebSocketRoom();
 * lobby.join(session);
 * lobby.broadcast("hello, everyone");
 * }</pre>
 *
 * <p>For rooms made and dropped by name (a chat's rooms), use {@link WebSocketRooms}.
 */
public final class WebSocketRoom {
    private final Set<WebSocketSession> members = ConcurrentHashMap.newKeySet();
    private final WebSocketRooms owner;
    private final String name;

    /** An empty room of your own. */
    public WebSocketRoom() {
        this(null, "");
    }

    WebSocketRoom(WebSocketRooms owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    /** The room's name in its {@link WebSocketRooms}; empty for a room of your own. */
    public String name() {
        return name;
    }

    /** Adds {@code session}; false if it was a member already or is closed. */
    public boolean join(WebSocketSession session) {
        Objects.requireNonNull(session, "session");
        if (owner != null) {
            boolean[] added = new boolean[1];
            owner.join(name, session, added);
            return added[0];
        }
        return add(session);
    }

    boolean add(WebSocketSession session) {
        if (session.closeStatus().isPresent()) return false;
        if (!members.add(session)) return false;
        // Registered after adding: a session closing now either finds itself a member, or is refused here.
        if (!Fanout.whenClosed(session, () -> leave(session))) {
            members.remove(session);
            return false;
        }
        return true;
    }

    /** Removes {@code session}; false if it was not a member. */
    public boolean leave(WebSocketSession session) {
        boolean removed = members.remove(session);
        if (removed && owner != null && members.isEmpty()) owner.dropIfEmpty(name, this);
        return removed;
    }

    /** Sends a text message to every member; returns how many it was queued for. */
    public int broadcast(String text) {
        return Fanout.text(members, Objects.requireNonNull(text, "text"));
    }

    /** Sends a binary message to every member; returns how many it was queued for. */
    public int broadcastBinary(byte[] data) {
        return Fanout.binary(members, Objects.requireNonNull(data, "data"));
    }

    /** Sends {@code value} as JSON (encoded once, with the members' app's Jackson configuration) to every member. */
    public int broadcastJson(Object value) {
        return Fanout.json(members, value);
    }

    /** The members, as of now. */
    public Set<WebSocketSession> sessions() {
        return Set.copyOf(members);
    }

    /** The number of members. */
    public int size() {
        return members.size();
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    @Override
    public String toString() {
        return "WebSocketRoom[" + (name.isEmpty() ? "" : name + ", ") + members.size() + " sessions]";
    }
}
