package dev.brisk.internal.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.internal.json.JsonSupport;
import dev.brisk.WebSocketSettings;
import dev.brisk.internal.binding.BodyReader;

import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;

/** What the WebSocket sessions of one app share: its settings, Jackson, message readers and the registry of live sessions. */
public final class WsContext {
    final WebSocketSettings settings;
    private final JsonSupport json;
    final Handshake.Origins origins;
    private final BodyReader bodies;
    private final Sessions sessions = new Sessions();
    private final ConcurrentHashMap<Type, MessageReader> readers = new ConcurrentHashMap<>();

    public WsContext(WebSocketSettings settings, JsonSupport json, BodyReader bodies) {
        this.settings = settings;
        this.json = json;
        this.bodies = bodies;
        this.origins = new Handshake.Origins(settings);
    }

    public WebSocketSettings settings() {
        return settings;
    }

    public Handshake.Origins origins() {
        return origins;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** The reader of JSON messages of {@code type} (made once per type). */
    public MessageReader reader(Type type) {
        var r = readers.get(type);
        if (r == null) r = readers.computeIfAbsent(type, t -> new MessageReader(bodies, mapper(), t));
        return r;
    }

    /** The app's mapper (an app with WebSocket routes makes it while it is built). */
    ObjectMapper mapper() {
        return json.mapper();
    }
}
